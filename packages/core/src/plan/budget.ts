import type { Rule } from "../rule/rule.js";

/**
 * The order apply changes a group in:
 * - `staged` (make-before-break rule by rule): authorise one broad rule's replacements,
 *   revoke that rule, then the next; only one broad rule's worth of headroom is needed;
 * - `all-at-once` (the original tool): authorise every replacement, then revoke every
 *   broad rule; every broad rule being replaced still counts while replacements go in.
 */
export type ApplyOrder = "staged" | "all-at-once";

/**
 * How many replacement rules a group can take, and how that number was derived:
 * `available = quota − kept − headroom`, where the headroom is one rule for the staged
 * order and every broad rule being replaced for the all-at-once order.
 */
export interface Budget {
  readonly quota: number;
  readonly order: ApplyOrder;
  /** The group's IPv4 inbound usage now. */
  readonly inUse: number;
  /** The usage of the rules that stay. */
  readonly kept: number;
  /** The broad rules being replaced or revoked. */
  readonly replaced: number;
  /** The rules that must stay free while replacements go in before revokes. */
  readonly headroom: number;
  /** Replacement rules the group can hold; never negative. */
  readonly available: number;
}

/**
 * What one inbound rule costs against the IPv4 rules quota. EC2 counts IPv4 and IPv6
 * rules in separate buckets of the same size; a group reference costs 1 and a prefix
 * list its maximum entries in both buckets. An IPv6 CIDR therefore costs nothing here.
 * A prefix list of unknown size is counted as 1, and the plan warns about it.
 */
export const ipv4QuotaCost = (rule: Rule): number => {
  switch (rule.source.kind) {
    case "cidr":
      return rule.source.cidr.family === "ipv4" ? 1 : 0;
    case "prefix-list":
      return rule.source.maxEntries ?? 1;
    case "group":
      return 1;
  }
};

/**
 * Derives the budget of a group whose rules at `replaced` indexes are revoked, `tightened`
 * of them getting replacements (the rest are unused rules revoked outright, which the
 * staged order revokes first so they need no headroom).
 */
export const budgetOf = (
  quota: number,
  rules: readonly Rule[],
  replaced: ReadonlySet<number>,
  tightened: number,
  order: ApplyOrder,
): Budget => {
  let inUse = 0;
  let kept = 0;
  for (const [index, rule] of rules.entries()) {
    const cost = ipv4QuotaCost(rule);
    inUse += cost;
    if (!replaced.has(index)) kept += cost;
  }

  const headroom = order === "staged" ? Math.min(1, tightened) : replaced.size;
  const available = Math.max(0, quota - kept - headroom);
  return { quota, order, inUse, kept, replaced: replaced.size, headroom, available };
};
