import type { Rule } from "@sg/core";

/**
 * How much of a group's two inbound quotas its rules use. EC2 counts IPv4 and IPv6 rules
 * against separate quotas; a prefix list costs its max entries and a group reference
 * costs one, in both (aws-facts §1). A prefix list of unknown size costs one.
 */
export interface QuotaUsage {
  readonly ipv4: number;
  readonly ipv6: number;
}

/** What one rule costs in each quota. */
export const ruleCost = (rule: Rule): QuotaUsage => {
  const { source } = rule;
  switch (source.kind) {
    case "cidr":
      return source.cidr.family === "ipv4" ? { ipv4: 1, ipv6: 0 } : { ipv4: 0, ipv6: 1 };
    case "prefix-list": {
      const weight = source.maxEntries ?? 1;
      return { ipv4: weight, ipv6: weight };
    }
    case "group":
      return { ipv4: 1, ipv6: 1 };
  }
};

/** What a group's rules cost in each quota. */
export const quotaUsage = (rules: readonly Rule[]): QuotaUsage =>
  rules
    .map(ruleCost)
    .reduce((total, cost) => ({ ipv4: total.ipv4 + cost.ipv4, ipv6: total.ipv6 + cost.ipv6 }), {
      ipv4: 0,
      ipv6: 0,
    });
