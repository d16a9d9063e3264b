import { formatIpv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import { trustedBy } from "./collapse.js";
import type { Collapse, RuleEvidence } from "./collapse.js";
import type { CollapseStep } from "./collapse-step.js";
import { forceMergeToBudget } from "./forced-merge.js";
import { gapToleranceBlocks } from "./gap-tolerance.js";
import { toleranceProfile } from "./tolerance-profile.js";
import { ESCALATION_CEILING, ESCALATION_STEP, type TolerancePercent } from "./tolerance.js";

const countBlocks = (blocks: readonly (readonly Ipv4Cidr[])[]): number =>
  blocks.reduce((sum, rule) => sum + rule.length, 0);

/**
 * The original design's three layers over all eligible rules of one group: gap tolerance
 * at `tolerance`; while over `budget`, escalation in 5-point steps up to 95%; then
 * forced merges of the cheapest pair until the group fits. Escalation steps are read from
 * each rule's tolerance profile, so layer 1 runs once, at the tolerance it ends on.
 *
 * Contract: `budget` is at least the number of rules (each needs one block), which the
 * caller ensures by choosing which rules to tighten. Every source stays covered, every
 * block stays inside its rule's block, and the result holds at most `budget` blocks.
 */
export const collapseClassic = (
  rules: readonly RuleEvidence[],
  budget: number,
  tolerance: TolerancePercent,
): Collapse => {
  const profiles = rules.map((rule) => toleranceProfile(rule.sources));
  const blocksAt = (at: TolerancePercent): number =>
    profiles.reduce((sum, profile) => sum + profile[at]!, 0);

  let current = tolerance;
  const trace: CollapseStep[] = [
    { kind: "gap-tolerance", tolerance: current, blocks: blocksAt(current), budget },
  ];
  while (blocksAt(current) > budget && current < ESCALATION_CEILING) {
    current = Math.min(current + ESCALATION_STEP, ESCALATION_CEILING);
    trace.push({ kind: "escalation", tolerance: current, blocks: blocksAt(current), budget });
  }

  const blocks = rules.map((rule) => gapToleranceBlocks(rule.sources, rule.block, current));
  if (countBlocks(blocks) <= budget) {
    const addedToFit = current === tolerance ? 0 : addedBeyond(rules, blocks, tolerance);
    return { blocks, tolerance: current, trace, addedToFit, forcedMerges: 0 };
  }

  const forced = forceMergeToBudget(blocks, budget);
  for (const merge of forced.merges) {
    trace.push({
      kind: "forced-merge",
      rule: rules[merge.ruleIndex]!.label,
      merged: merge.merged.map(formatIpv4Cidr),
      into: formatIpv4Cidr(merge.into),
      addedAddresses: merge.addedAddresses,
    });
  }
  return {
    blocks: forced.blocks,
    tolerance: current,
    trace,
    addedToFit: addedBeyond(rules, forced.blocks, tolerance),
    forcedMerges: forced.merges.length,
  };
};

/** Addresses `blocks` trust beyond what layer 1 trusts at the configured tolerance. */
const addedBeyond = (
  rules: readonly RuleEvidence[],
  blocks: readonly (readonly Ipv4Cidr[])[],
  tolerance: TolerancePercent,
): number => {
  const layerOne = rules.map((rule) => gapToleranceBlocks(rule.sources, rule.block, tolerance));
  return trustedBy(blocks) - trustedBy(layerOne);
};
