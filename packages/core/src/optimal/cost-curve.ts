import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import { err, ok, type Result } from "../result.js";
import type { OptimalCoverError } from "./cover-error.js";
import { solveRule } from "./internal/solve-rule.js";
import type { TrieCurves } from "./internal/trie-curves.js";
import { invalidCount, requiredOutsideRule } from "./internal/validate.js";

/**
 * An eligible rule as the optimiser sees it: the rule's `block` (such as 10.0.0.0/16)
 * and the `required` blocks inside it that the evidence supports trusting, as the gap
 * tolerance step produced them. Order, duplicates and nesting among `required` do not
 * matter: only the addresses they hold do.
 */
export interface RuleRequirement {
  readonly block: Ipv4Cidr;
  readonly required: readonly Ipv4Cidr[];
}

/**
 * The exact price of covering one rule with k prefixes. `required` is the canonical form
 * of the rule's required blocks (sorted, nested ones dropped, sibling halves merged), and
 * `trusted[k − 1]` is the fewest addresses any cover by at most k prefixes inside the
 * rule's block can trust, for k = 1 … K where K = min(maxPrefixes, required.length). The
 * curve is non-increasing, ends at the size of `required` when K = required.length, and
 * is empty when nothing is required (cost 0 with no prefix). It is not convex in general.
 * `curves` is the solved trie that {@link coverAt} reads; treat it as opaque.
 */
export interface CostCurve {
  readonly block: Ipv4Cidr;
  readonly required: readonly Ipv4Cidr[];
  readonly trusted: readonly number[];
  readonly curves: TrieCurves;
}

/**
 * Computes a rule's {@link CostCurve} up to `maxPrefixes` prefixes, so a budget can be
 * shared between rules by what each extra prefix actually saves, and the tightest cover
 * proven rather than approximated by greedy merging.
 *
 * Why a dynamic program over the compressed trie of the required blocks is exact: two
 * prefixes either nest or are disjoint, so an optimal cover can be taken to be disjoint,
 * and every chosen prefix holds at least one required block (else drop it) and never lies
 * strictly inside one (else all the prefixes inside that block could be swapped for the
 * block itself, no dearer and no more numerous). A chosen prefix P therefore holds a
 * whole run of required blocks, and shrinking P to the smallest prefix holding that run
 * keeps the cover valid and does not raise its cost; that smallest prefix is exactly a
 * trie node. The trie compresses away the prefixes on the path between a node v and its
 * parent's half that holds it; each such prefix Q contains v, holds the very same
 * required blocks (none lie in Q outside v, or v would not be their smallest prefix) and
 * has size(Q) ≥ size(v), so Q is never better than v and need not be a node. Optimal
 * covers are thus antichains of trie nodes covering every leaf, which is what the
 * recurrence f_v(1) = size(v), f_v(k) = min over k₁ + k₂ = k of f_left(k₁) + f_right(k₂)
 * enumerates. Work is O(n · K) for n required blocks, memory O(n · min(K, 33)).
 *
 * Does not alter its input. Fails when a required block lies outside the rule's block or
 * `maxPrefixes` is not a whole number of at least 1.
 *
 * @example
 * // 10.0.0.0/24 requiring 10.0.0.1/32, 10.0.0.2/32 and 10.0.0.200/32:
 * // trusted = [256, 5, 3] — one /24; a /30 plus a /32; the three /32s.
 */
export const costCurve = (
  rule: RuleRequirement,
  maxPrefixes: number,
): Result<CostCurve, OptimalCoverError> => {
  const failure = invalidCount("maxPrefixes", maxPrefixes, 1) ?? requiredOutsideRule(rule, 0);
  return failure === undefined ? ok(solveRule(rule, maxPrefixes)) : err(failure);
};
