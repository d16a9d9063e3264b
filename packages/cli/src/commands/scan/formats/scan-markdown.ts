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

/** A Markdown table cell: pipes escaped, line breaks flattened, code spans kept short. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${headers.join(" | ")} |`,
  `| ${headers.map(() => "---").join(" | ")} |`,
  ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
];

/**
 * The scan for a ticket: a heading and summary, the ranking, one section per account with
 * its top findings and labelled NACLs, and what could not be scanned.
 */
export const scanMarkdown = (report: ScanReport): string => {
  const totals = reportTotals(report);
  const lines = [
    "# sg-tightener scan",
    "",
    `${report.generatedAt}: ${countOf(totals.accounts, "account")} and ` +
      `${countOf(totals.regions, "Region")} scanned; ` +
      `${formatCounts(totals.counts)}.`,
    "",
    ...table(
      ["Rank", "Account", "Name", "Score", "CRITICAL", "HIGH", "MEDIUM", "LOW"],
      report.accounts.map((account) => [
        String(account.rank),
        `\`${account.accountId}\``,
        account.accountName ?? "",
        String(account.score),
        ...(["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const).map((s) => String(account.counts[s])),
      ]),
    ),
  ];

  for (const account of report.accounts) {
    const name = account.accountName === undefined ? "" : ` ${account.accountName}`;
    lines.push("", `## ${account.rank}. \`${account.accountId}\`${name} (score ${account.score})`);
    lines.push("", account.topFindings.length === 0 ? "No findings." : "Top findings:", "");
    if (account.topFindings.length > 0) {
      lines.push(
        ...table(
          ["Severity", "Region", "Group", "Rule", "Traffic", "Source", "Trusted", "Tighten", "Why"],
          account.topFindings.map((finding) => [
            `**${finding.severity}**`,
            formatRegion(finding.region),
            formatGroup(finding),
            formatRuleId(finding),
            finding.traffic,
            `\`${finding.source}\``,
            formatTrusted(finding.addressesTrusted),
            formatTightenable(finding),
            finding.reason,
          ]),
        ),
      );
    }
    for (const acl of account.networkAcls) {
      for (const label of acl.labels) {
        lines.push(
          `- NACL \`${acl.networkAclId}\` (${formatRegion(acl.region)}) ` +
            `entry ${label.ruleNumber}: ` +
            `**${label.label}**, ${label.traffic} from \`${label.source}\` (reported, not changed)`,
        );
      }
    }
  }

  if (report.problems.length + report.skipped.length > 0) {
    lines.push("", "## Not scanned", "");
    for (const problem of report.problems) {
      lines.push(
        `- \`${problem.accountId}\` ${problem.region ?? "(every Region)"}: ${problem.kind} ` +
          `(${problem.code}) ${cell(problem.message)}`,
      );
    }
    for (const skip of report.skipped) {
      lines.push(`- \`${skip.accountId}\` ${skip.region ?? ""} skipped: ${skip.reason}`);
    }
  }
  return `${lines.join("\n")}\n`;
};
