/**
 * How bad a finding is, from worst to least. CRITICAL means the internet reaches an
 * administrative or database port (or every port); LOW means a private rule that is
 * broader than it needs to be but trusts comparatively few addresses.
 */
export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";

/** Every severity, worst first: the order of report columns and of sorting. */
export const SEVERITIES: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

/**
 * What one finding adds to its account's risk score. Each step is four to five times the
 * one below, so one CRITICAL outweighs three HIGH and one HIGH outweighs four MEDIUM, yet
 * a long tail of broad private rules still moves an account up the ranking.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  CRITICAL: 100,
  HIGH: 25,
  MEDIUM: 5,
  LOW: 1,
};

/** The position of a severity in {@link SEVERITIES}: 0 for CRITICAL. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** Orders severities worst first, for sorting findings and counts. */
export const compareSeverity = (a: Severity, b: Severity): number =>
  severityRank(a) - severityRank(b);

/** A count per severity, every severity present (zero when none). */
export type SeverityCounts = Readonly<Record<Severity, number>>;

/** Counts the severities of some findings. */
export const countSeverities = (
  findings: Iterable<{ readonly severity: Severity }>,
): SeverityCounts => {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
};
