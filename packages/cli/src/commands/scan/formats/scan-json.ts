import { SEVERITY_WEIGHTS, formatProtocol, formatPorts, type RuleFinding } from "@sg/core";
import type { ScanReport } from "../scan-report.js";
import { reportTotals } from "./report-totals.js";

/** The `format` tag of the JSON report, so tools can tell it from other artefacts. */
export const SCAN_REPORT_FORMAT = "sg-tightener/scan";

const findingJson = (finding: RuleFinding) => ({
  severity: finding.severity,
  accountId: finding.accountId ?? null,
  region: finding.region ?? null,
  groupId: finding.groupId,
  groupName: finding.groupName ?? null,
  vpcId: finding.vpcId ?? null,
  ruleId: finding.rule.ruleId ?? null,
  protocol: formatProtocol(finding.rule.protocol),
  ports: formatPorts(finding.rule.protocol, finding.rule.ports),
  traffic: finding.traffic,
  source: finding.source,
  exposure: finding.exposure,
  addressesTrusted: finding.addressesTrusted,
  everyPort: finding.everyPort,
  adminPorts: finding.adminPorts,
  tightenable: finding.tightenable,
  reason: finding.reason,
  description: finding.rule.description ?? null,
});

/**
 * The scan for machines: every finding of every account (not only the top ones), the
 * labelled NACLs, the problems and skips, the totals and the weights the scores used.
 * Stable keys, `null` for absent values, accounts in rank order.
 */
export const scanJson = (report: ScanReport): string => {
  const totals = reportTotals(report);
  const document = {
    format: SCAN_REPORT_FORMAT,
    version: 1,
    generatedAt: report.generatedAt,
    scope: report.scope,
    severityWeights: SEVERITY_WEIGHTS,
    summary: {
      accounts: totals.accounts,
      regions: totals.regions,
      findings: totals.counts,
      score: totals.score,
      notScanned: report.problems.length,
      skipped: report.skipped.length,
    },
    accounts: report.accounts.map((account) => ({
      rank: account.rank,
      accountId: account.accountId,
      accountName: account.accountName ?? null,
      score: account.score,
      counts: account.counts,
      regionsScanned: account.regionsScanned,
      regionsFailed: account.regionsFailed,
      findings: account.findings.map(findingJson),
      networkAcls: account.networkAcls,
    })),
    problems: report.problems,
    skipped: report.skipped,
  };
  return JSON.stringify(document, null, 2);
};
