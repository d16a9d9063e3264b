import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import { ok, type Result } from "../result.js";
import type { RuleRequirement } from "./cost-curve.js";
import type { OptimalCoverError } from "./cover-error.js";
import { fewestPrefixesWithin, shareOut } from "./internal/group-table.js";
import { recoverCover } from "./internal/recover-cover.js";
import { solveGroup } from "./internal/solve-group.js";

/** One rule's part of a {@link GroupCover}: its prefixes in address order, and their size. */
export interface RuleCover {
  readonly prefixes: readonly Ipv4Cidr[];
  readonly trusted: number;
}

/**
 * The provably tightest cover of a group within its budget. `rules` follows the input
 * order; `split[i]` is the number of prefixes rule i receives (`rules[i].prefixes.length`),
 * `used` their sum (at most `budget`) and `trusted` the total addresses they trust.
 */
export interface GroupCover {
  readonly rules: readonly RuleCover[];
  readonly split: readonly number[];
  readonly used: number;
  readonly budget: number;
  readonly trusted: number;
}

/**
 * Chooses, for every rule of a group, disjoint prefixes inside the rule's block that
 * cover all its required blocks, using at most `budget` prefixes in total, so that the
 * total number of trusted addresses is the least possible. This is the exact answer the
 * collapse layers approximate; it lets a plan or report show how far a heuristic result
 * is from the optimum and what the same quota can buy.
 *
 * Each rule's {@link CostCurve} is combined by an exact min-plus convolution over the
 * budget: O(R · B · K) ⊆ O(R · B²) time for R rules and budget B (fine for B up to about
 * 1,000 and R up to about 60), O(R · B) memory, on top of the per-rule curves.
 *
 * Ties are broken so the same input gives the same output, byte for byte: first the
 * fewest prefixes in total, then the lexicographically largest split (a lower rule index
 * gets more prefixes), then within a rule the cover {@link coverAt} returns. Required
 * blocks may come in any order; rule order is the caller's, so pass rules in a canonical
 * order. A rule with no required block receives no prefix; whether it is then revoked or
 * kept is the caller's decision.
 *
 * Does not alter its input. Fails when `budget` is not a whole number, when a required
 * block lies outside its rule, or when the budget is below the number of rules that need
 * at least one prefix.
 *
 * @example
 * // 10.0.0.0/24 requiring 10.0.0.1/32 and 10.0.0.200/32, and 10.1.0.0/24 requiring
 * // 10.1.0.7/32, with budget 2: the first rule gets 10.0.0.0/24 (256), the second
 * // 10.1.0.7/32 (1); split [1, 1], trusted 257. With budget 3: split [2, 1], trusted 3.
 */
export const optimalGroupCover = (
  rules: readonly RuleRequirement[],
  budget: number,
): Result<GroupCover, OptimalCoverError> => {
  const solved = solveGroup(rules, budget);
  if (!solved.ok) {
    return solved;
  }

  const { curves, table } = solved.value;
  const used = fewestPrefixesWithin(table, table.budget);
  const split = shareOut(table, curves.length, used);
  const covers = curves.map((curve, index): RuleCover => {
    const share = split[index] as number;
    return {
      prefixes: share === 0 ? [] : recoverCover(curve.curves, share),
      trusted: share === 0 ? 0 : (curve.trusted[share - 1] as number),
    };
  });

  const trusted = covers.reduce((sum, cover) => sum + cover.trusted, 0);
  return ok({ rules: covers, split, used, budget, trusted });
};
