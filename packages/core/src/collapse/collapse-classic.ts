import { formatIpv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { CollapseStep } from "./collapse-step.js";
import { forceMergeToBudget } from "./forced-merge.js";
import { gapToleranceBlocks } from "./gap-tolerance.js";
import { toleranceProfile } from "./tolerance-profile.js";
import { ESCALATION_CEILING, ESCALATION_STEP, type TolerancePercent } from "./tolerance.js";

/** The evidence for one eligible rule: its block and the sources observed inside it. */
export interface RuleEvidence {
  /** A label for the trace, such as the rule id. */
  readonly label: string;
  readonly block: Ipv4Cidr;
  /** Sorted, unique, inside `block`, non-empty. */
  readonly sources: Uint32Array;
}

/** The replacement blocks chosen for each rule of a group, and how they were chosen. */
export interface Collapse {
  /** Per rule, in input order: disjoint sorted blocks inside the rule's block. */
  readonly blocks: readonly (readonly Ipv4Cidr[])[];
  readonly tolerance: TolerancePercent;
  readonly trace: readonly CollapseStep[];
  /** Addresses trusted only because forced merges had to fit the budget. */
  readonly addedByForcedMerges: number;
}

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
    return { blocks, tolerance: current, trace, addedByForcedMerges: 0 };
  }

  const forced = forceMergeToBudget(blocks, budget);
  let added = 0;
  for (const merge of forced.merges) {
    added += merge.addedAddresses;
    trace.push({
      kind: "forced-merge",
      rule: rules[merge.ruleIndex]!.label,
      merged: merge.merged.map(formatIpv4Cidr),
      into: formatIpv4Cidr(merge.into),
      addedAddresses: merge.addedAddresses,
    });
  }
  return { blocks: forced.blocks, tolerance: current, trace, addedByForcedMerges: added };
};
