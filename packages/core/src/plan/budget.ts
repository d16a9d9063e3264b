import type { Rule } from "../rule/rule.js";

/**
 * How many replacement rules a group can take, and how that number was derived:
 * `available = quota − kept − replaced`. Broad rules being replaced still count because
 * replacements are authorised before the broad rules are revoked.
 */
export interface Budget {
  readonly quota: number;
  /** The group's IPv4 inbound usage now. */
  readonly inUse: number;
  /** The usage of the rules that stay. */
  readonly kept: number;
  /** The broad rules being replaced or revoked. */
  readonly replaced: number;
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

/** Derives the budget of a group whose rules at `replaced` indexes are to be replaced. */
export const budgetOf = (
  quota: number,
  rules: readonly Rule[],
  replaced: ReadonlySet<number>,
): Budget => {
  let inUse = 0;
  let kept = 0;
  for (const [index, rule] of rules.entries()) {
    const cost = ipv4QuotaCost(rule);
    inUse += cost;
    if (!replaced.has(index)) kept += cost;
  }

  const available = Math.max(0, quota - kept - replaced.size);
  return { quota, inUse, kept, replaced: replaced.size, available };
};
