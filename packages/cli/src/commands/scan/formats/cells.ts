import { describeRule, SEVERITIES, type RuleFinding, type SeverityCounts } from "@sg/core";
import { formatCount } from "../../../report/numbers.js";

/**
 * An address count as reports print it: with separators up to an IPv4 /0, and as a power
 * of two beyond (an IPv6 block's count has 20-odd digits nobody reads).
 */
export const formatTrusted = (addresses: number): string =>
  addresses <= 2 ** 32 ? formatCount(addresses) : `2^${Math.round(Math.log2(addresses))}`;

/** A Region, or `-` for an offline estate. */
export const formatRegion = (region: string | undefined): string => region ?? "-";

/** Counts per severity in the report's fixed order: `1 CRITICAL, 0 HIGH, 2 MEDIUM, 0 LOW`. */
export const formatCounts = (counts: SeverityCounts): string =>
  SEVERITIES.map((severity) => `${counts[severity]} ${severity}`).join(", ");

/** Whether `plan` can tighten the finding's rule, as a yes/no cell. */
export const formatTightenable = (finding: RuleFinding): string =>
  finding.tightenable ? "yes" : "no";

/** The rule's id, or its traffic and source when the estate recorded no id. */
export const formatRuleId = (finding: RuleFinding): string =>
  finding.rule.ruleId ?? describeRule(finding.rule);

/** The group's id with its name when it has one: `sg-0abc (web)`. */
export const formatGroup = (finding: RuleFinding): string =>
  finding.groupName === undefined ? finding.groupId : `${finding.groupId} (${finding.groupName})`;

/** A count with its noun, singular for one: `1 account`, `3 Regions`. */
export const countOf = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? "" : "s"}`;
