import { blockSize, coveringBlockOfAddresses, type Ipv4Cidr } from "../address/ipv4-cidr.js";

/** An eligible rule with evidence, as the selection sees it. */
export interface SelectionCandidate {
  readonly block: Ipv4Cidr;
  readonly sources: Uint32Array;
}

/**
 * Chooses which rules to tighten when the budget cannot give every candidate even one
 * replacement block: the `budget` rules whose tightening saves the most addresses (the
 * rule's size minus the smallest prefix holding all its sources), ties to the earlier
 * rule. Returns the chosen indexes in input order; the others are kept as they are.
 */
export const selectRulesWithinBudget = (
  candidates: readonly SelectionCandidate[],
  budget: number,
): number[] => {
  if (candidates.length <= budget) {
    return candidates.map((_, index) => index);
  }

  const savings = candidates.map(({ block, sources }, index) => {
    const cover = coveringBlockOfAddresses(sources[0]!, sources[sources.length - 1]!);
    return { index, saved: blockSize(block) - blockSize(cover) };
  });
  return savings
    .sort((a, b) => b.saved - a.saved || a.index - b.index)
    .slice(0, Math.max(0, budget))
    .map(({ index }) => index)
    .sort((a, b) => a - b);
};
