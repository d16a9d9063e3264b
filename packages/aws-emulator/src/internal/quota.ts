import type { CandidateRule } from "./rule-record.js";

/**
 * How much of the rules quota one direction of a group uses: the larger of its two
 * buckets. CIDRs fill their own family's bucket; group references and prefix lists fill
 * both, a prefix list at its cost (its max entries). Callers pass the rules of one group
 * and one direction.
 */
export const quotaUsage = (
  rules: readonly CandidateRule[],
  prefixListCosts: Readonly<Record<string, number>>,
): number => {
  let ipv4 = 0;
  let ipv6 = 0;
  let shared = 0;
  for (const { source } of rules) {
    if (source.kind === "ipv4") ipv4 += 1;
    else if (source.kind === "ipv6") ipv6 += 1;
    else if (source.kind === "group") shared += 1;
    else shared += prefixListCosts[source.prefixListId] ?? 1;
  }
  return shared + Math.max(ipv4, ipv6);
};
