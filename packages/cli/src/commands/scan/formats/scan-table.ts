import { renderTable } from "../../../report/table.js";
import type { ScanReport } from "../scan-report.js";
import {
  countOf,
  formatCounts,
  formatGroup,
  formatRegion,
  formatRuleId,
  formatTightenable,
  formatTrusted,
} from "./cells.js";
import { reportTotals } from "./report-totals.js";

const RANKING = [
  "Rank",
  "Account",
  "Name",
  "Score",
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "Regions",
];
const FINDINGS = ["Account", "Region", "Severity", "Group", "Rule", "Traffic", "Source"];
const FINDINGS_TAIL = ["Trusted", "Tighten", "Why"];

const regionsCell = (scanned: number, failed: number): string =>
  failed === 0 ? String(scanned) : `${scanned} (+${failed} failed)`;

/**
 * The scan for people: a summary line, the ranking with counts per severity, each
 * account's top findings, the labelled NACLs, and what could not be scanned or was skipped.
 */
export const scanTable = (report: ScanReport): string[] => {
  const totals = reportTotals(report);
  const lines = [
    `Scanned ${countOf(totals.accounts, "account")}, ${countOf(totals.regions, "Region")}: ` +
      `${formatCounts(totals.counts)}.`,
    "",
    ...renderTable(
      RANKING,
      report.accounts.map((account) => [
        String(account.rank),
        account.accountId,
        account.accountName ?? "",
        String(account.score),
        ...(["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const).map((s) => String(account.counts[s])),
        regionsCell(account.regionsScanned, account.regionsFailed),
      ]),
      new Set([0, 3, 4, 5, 6, 7]),
    ),
  ];

  const top = report.accounts.flatMap((account) => account.topFindings);
  if (top.length > 0) {
    lines.push("", "Top findings per account", "");
    lines.push(
      ...renderTable(
        [...FINDINGS, ...FINDINGS_TAIL],
        top.map((finding) => [
          finding.accountId ?? "",
          formatRegion(finding.region),
          finding.severity,
          formatGroup(finding),
          formatRuleId(finding),
          finding.traffic,
          finding.source,
          formatTrusted(finding.addressesTrusted),
          formatTightenable(finding),
          finding.reason,
        ]),
        new Set([7]),
      ),
    );
  }

  const acls = report.accounts.flatMap((account) =>
    account.networkAcls.flatMap((acl) => acl.labels.map((label) => ({ acl, label }))),
  );
  if (acls.length > 0) {
    lines.push("", "Network ACLs (reported beside the groups, never changed)", "");
    lines.push(
      ...renderTable(
        ["Account", "Region", "ACL", "Entry", "Label", "Traffic", "Source"],
        acls.map(({ acl, label }) => [
          acl.accountId ?? "",
          formatRegion(acl.region),
          acl.networkAclId,
          String(label.ruleNumber),
          label.label,
          label.traffic,
          label.source,
        ]),
        new Set([3]),
      ),
    );
  }

  if (report.problems.length > 0) {
    lines.push("", "Not scanned", "");
    lines.push(
      ...renderTable(
        ["Account", "Name", "Region", "Problem", "Code", "Message"],
        report.problems.map((problem) => [
          problem.accountId,
          problem.accountName ?? "",
          problem.region ?? "(all)",
          problem.kind,
          problem.code,
          problem.message,
        ]),
      ),
    );
  }
  if (report.skipped.length > 0) {
    const skipped = report.skipped.map(
      (skip) => `${skip.accountId}${skip.region ? ` ${skip.region}` : ""} (${skip.reason})`,
    );
    lines.push("", `Skipped: ${skipped.join(", ")}`);
  }
  return lines;
};
