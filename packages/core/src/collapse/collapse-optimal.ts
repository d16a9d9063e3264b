import { describeOptimalCoverError } from "../optimal/cover-error.js";
import { optimalGroupCover } from "../optimal/group-cover.js";
import { trustedBy, type Collapse, type RuleEvidence } from "./collapse.js";
import { gapToleranceBlocks } from "./gap-tolerance.js";
import type { TolerancePercent } from "./tolerance.js";

/**
 * The optimal strategy: layer 1 at `tolerance` says which blocks the evidence supports
 * trusting; when they do not fit `budget`, the group's cover is chosen exactly instead of
 * by escalation and greedy merging: for every rule, prefixes inside the rule that cover
 * all its layer-1 blocks, at most `budget` in total, trusting the fewest addresses
 * possible. The classic result is one of the covers considered, so this one is never
 * wider, and when layer 1 fits it is layer 1 itself.
 *
 * Contract: as `collapseClassic` (the budget holds at least one block per rule).
 */
export const collapseOptimal = (
  rules: readonly RuleEvidence[],
  budget: number,
  tolerance: TolerancePercent,
): Collapse => {
  const layerOne = rules.map((rule) => gapToleranceBlocks(rule.sources, rule.block, tolerance));
  const count = layerOne.reduce((sum, blocks) => sum + blocks.length, 0);
  const first = { kind: "gap-tolerance", tolerance, blocks: count, budget } as const;
  if (count <= budget) {
    return { blocks: layerOne, tolerance, trace: [first], addedToFit: 0, forcedMerges: 0 };
  }

  const requirements = rules.map((rule, i) => ({ block: rule.block, required: layerOne[i]! }));
  const cover = optimalGroupCover(requirements, budget);
  if (!cover.ok) {
    throw new Error(
      `collapseOptimal broke its contract: ${describeOptimalCoverError(cover.error)}`,
    );
  }

  const blocks = cover.value.rules.map((rule) => rule.prefixes);
  const layerOneTrusted = trustedBy(layerOne);
  const step = {
    kind: "optimal-cover",
    blocks: cover.value.used,
    budget,
    layerOneTrusted,
    trusted: cover.value.trusted,
  } as const;
  return {
    blocks,
    tolerance,
    trace: [first, step],
    addedToFit: cover.value.trusted - layerOneTrusted,
    forcedMerges: 0,
  };
};
