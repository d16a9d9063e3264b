import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { Rule } from "../rule/rule.js";

/**
 * A compaction ratio in whole percent (0 … 100): the largest share of a widened block
 * that no existing rule of its class covered. For a block W replacing the class rules
 * inside it, that share is |W − ∪ rules inside W| / |W|; W is allowed when the share is
 * at most the ratio, compared exactly as `uncovered × 100 ≤ ratio × |W|`.
 */
export type CompactionRatio = number;

/**
 * One step of a compaction, applied as one unit: authorise `rule` (when it is new), then
 * revoke `replaced`. Every address a replaced rule admitted lies in `into`, so coverage
 * holds before, during and after the step.
 *
 * - `widened`: `rule` is new, the covering prefix `into` of two or more class rules;
 * - `absorbed`: `rule` is an existing rule whose block already holds the `replaced` rules,
 *   which are redundant and go without anything being authorised.
 */
export interface CompactionMerge {
  readonly kind: "widened" | "absorbed";
  readonly into: Ipv4Cidr;
  readonly rule: Rule;
  /** The rules revoked, in canonical order; each lies inside `into`. */
  readonly replaced: readonly Rule[];
  /** Addresses of `into` that no rule of the class admitted before. */
  readonly addedAddresses: number;
  /** `addedAddresses / |into|`, the share the ratio bounds; 0 for `absorbed`. */
  readonly ratio: number;
}

/**
 * The compaction of one group at one ratio: the merges in the order they must be applied,
 * what they reclaim and what they cost, and, when applying them would need a rule slot
 * the group does not have, why the group is refused.
 */
export interface GroupCompaction {
  readonly groupId: string;
  readonly groupName?: string;
  readonly quota: number;
  readonly ratio: CompactionRatio;
  /** The group's use of its IPv4 inbound quota now (prefix lists at their weight). */
  readonly rulesBefore: number;
  /** The use once every merge is applied. */
  readonly rulesAfter: number;
  /** IPv4 RFC 1918 CIDR rules, the only rules compaction may touch. */
  readonly candidates: number;
  readonly merges: readonly CompactionMerge[];
  readonly addedAddresses: number;
  /** The highest use at any moment of applying the merges in order. */
  readonly peakRules: number;
  /** Set when a step would take the group over its quota: the group must not be applied. */
  readonly refusal?: string;
}
