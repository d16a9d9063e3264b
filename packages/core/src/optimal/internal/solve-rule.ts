import { ipv4Cidr } from "../../address/ipv4-cidr.js";
import type { CostCurve, RuleRequirement } from "../cost-curve.js";
import { buildCoverTrie } from "./cover-trie.js";
import { normaliseRequired } from "./normalise-required.js";
import { computeTrieCurves } from "./trie-curves.js";

/**
 * Normalises a validated rule's required blocks, builds their trie and solves it with
 * at most `cap` ≥ 1 prefixes. The root curve is copied out as plain numbers.
 */
export const solveRule = (rule: RuleRequirement, cap: number): CostCurve => {
  const blocks = normaliseRequired(rule.required);
  const curves = computeTrieCurves(buildCoverTrie(blocks), cap);
  const required = Array.from(blocks.bases, (base, index) =>
    ipv4Cidr(base, blocks.lengths[index] as number),
  );

  const { root } = curves.trie;
  const start = root === -1 ? 0 : (curves.offset[root] as number);
  const length = Math.min(required.length, cap);
  const trusted = Array.from(curves.cost.subarray(start, start + length));
  return { block: rule.block, required, trusted, curves };
};
