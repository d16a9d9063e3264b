import type { ScanReport } from "../scan-report.js";

const HEADER = [
  "kind",
  "rank",
  "account_id",
  "account_name",
  "region",
  "severity",
  "label",
  "resource_id",
  "resource_name",
  "vpc_id",
  "rule",
  "traffic",
  "source",
  "addresses_trusted",
  "admin_ports",
  "tightenable",
  "reason",
];

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (value: string | number | boolean | undefined): string => {
  const text = value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The scan for spreadsheets and SIEMs: one row per finding (`kind` = `rule`, every
 * finding of every account in rank order) and one per labelled NACL entry (`kind` =
 * `nacl`, with `label` instead of `severity`). Lines end in CRLF, as RFC 4180 asks.
 */
export const scanCsv = (report: ScanReport): string => {
  const rows = report.accounts.flatMap((account) => [
    ...account.findings.map((finding) => [
      "rule",
      account.rank,
      account.accountId,
      account.accountName,
      finding.region,
      finding.severity,
      "",
      finding.groupId,
      finding.groupName,
      finding.vpcId,
      finding.rule.ruleId,
      finding.traffic,
      finding.source,
      finding.addressesTrusted,
      finding.adminPorts.join(" "),
      finding.tightenable,
      finding.reason,
    ]),
    ...account.networkAcls.flatMap((acl) =>
      acl.labels.map((label) => [
        "nacl",
        account.rank,
        account.accountId,
        account.accountName,
        acl.region,
        "",
        label.label,
        acl.networkAclId,
        "",
        acl.vpcId,
        label.ruleNumber,
        label.traffic,
        label.source,
        label.addressesTrusted,
        label.adminPorts.join(" "),
        false,
        "reported, never changed",
      ]),
    ),
  ]);
  return [HEADER, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
};
