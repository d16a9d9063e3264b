import type { LabelledNetworkAcl } from "./network-acl-labels.js";
import { compareFindings } from "./finding-order.js";
import type { RuleFinding } from "./rule-finding.js";
import { countSeverities, SEVERITY_WEIGHTS, type SeverityCounts } from "./severity.js";

/** How many findings an account's summary lists by default. */
export const DEFAULT_TOP_FINDINGS = 5;

/**
 * The risk score of some findings: the sum of their {@link SEVERITY_WEIGHTS}. A sum of
 * positive weights, so adding a finding always raises the score and never lowers it.
 */
export const riskScore = (
  findings: Iterable<{ readonly severity: RuleFinding["severity"] }>,
): number => {
  let score = 0;
  for (const finding of findings) score += SEVERITY_WEIGHTS[finding.severity];
  return score;
};

/** One account's risk: its score, counts per severity, worst findings and NACL labels. */
export interface AccountRisk {
  readonly accountId: string;
  readonly accountName?: string;
  readonly score: number;
  readonly counts: SeverityCounts;
  /** Every finding of the account, in report order ({@link compareFindings}). */
  readonly findings: readonly RuleFinding[];
  /** The first `top` findings of `findings`. */
  readonly topFindings: readonly RuleFinding[];
  /** NACLs with at least one label; reported beside the groups, not scored. */
  readonly networkAcls: readonly LabelledNetworkAcl[];
}

/** What {@link accountRisk} summarises: an account and everything found in it. */
export interface AccountFindings {
  readonly accountId: string;
  readonly accountName?: string;
  readonly findings: readonly RuleFinding[];
  readonly networkAcls?: readonly LabelledNetworkAcl[];
}

/**
 * Summarises one account: the score over all its findings (every Region), the counts per
 * severity and the `top` worst findings. NACL labels ride along unscored: they describe a
 * second layer that sg-tightener reports but never changes.
 */
export const accountRisk = (
  account: AccountFindings,
  top: number = DEFAULT_TOP_FINDINGS,
): AccountRisk => {
  const findings = [...account.findings].sort(compareFindings);

  return {
    accountId: account.accountId,
    ...(account.accountName === undefined ? {} : { accountName: account.accountName }),
    score: riskScore(findings),
    counts: countSeverities(findings),
    findings,
    topFindings: findings.slice(0, Math.max(0, top)),
    networkAcls: (account.networkAcls ?? []).filter((acl) => acl.labels.length > 0),
  };
};
