import { blockSize, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import { ok, type Result } from "../result.js";
import type { RuleRequirement } from "./cost-curve.js";
import type { OptimalCoverError } from "./cover-error.js";
import { solveGroup } from "./internal/solve-group.js";

/**
 * One budget on a {@link TradeOffCurve}: the fewest addresses the group trusts with at
 * most `budget` prefixes, and how many fewer that is than with one prefix less (0 at the
 * first point).
 */
export interface TradeOffPoint {
  readonly budget: number;
  readonly trusted: number;
  readonly saved: number;
}

/**
 * What each further rule of quota buys a group. `points` run from the smallest feasible
 * budget (one prefix per rule that needs cover) to the budget where every required block
 * has its own prefix, or to `maxBudget` if that comes first (`complete` says which).
 * `floor` is the trusted total with every required block on its own, the least any budget
 * can reach. `bestStep` is the budget whose single extra prefix saves the most (the lowest
 * such budget on ties), absent when there is only one point. Savings are not monotone in
 * general: a step that saves little can be followed by one that saves a lot, so read the
 * whole curve before deciding a quota increase does not pay.
 */
export interface TradeOffCurve {
  readonly points: readonly TradeOffPoint[];
  readonly floor: number;
  readonly complete: boolean;
  readonly bestStep?: number;
}

/**
 * Computes the group's {@link TradeOffCurve} up to `maxBudget` prefixes, so a report can
 * say what a quota increase would save and where one pays off most. Every point is the
 * exact optimum for its budget, from the same min-plus table as {@link optimalGroupCover},
 * in O(R · B²) time for R rules and B = `maxBudget`.
 *
 * Does not alter its input. Fails as `optimalGroupCover` does, with `maxBudget` in the
 * place of the budget.
 *
 * @example
 * // 10.0.0.0/24 requiring 10.0.0.1/32 and 10.0.0.200/32, maxBudget 5:
 * // points [{ budget: 1, trusted: 256, saved: 0 }, { budget: 2, trusted: 2, saved: 254 }],
 * // floor 2, complete, bestStep 2.
 */
export const tradeOffCurve = (
  rules: readonly RuleRequirement[],
  maxBudget: number,
): Result<TradeOffCurve, OptimalCoverError> => {
  const solved = solveGroup(rules, maxBudget);
  if (!solved.ok) {
    return solved;
  }

  const { curves, table, rulesNeedingCover } = solved.value;
  const blocks = curves.reduce((sum, curve) => sum + curve.required.length, 0);
  const last = Math.min(maxBudget, blocks);
  const points: TradeOffPoint[] = [];
  for (let budget = rulesNeedingCover; budget <= last; budget += 1) {
    const trusted = table.best[budget] as number;
    points.push({ budget, trusted, saved: (points.at(-1)?.trusted ?? trusted) - trusted });
  }

  const floor = curves.reduce((sum, curve) => sum + sizeOf(curve.required), 0);
  const bestStep = largestSaving(points.slice(1));
  const curve = { points, floor, complete: last === blocks };
  return ok(bestStep === undefined ? curve : { ...curve, bestStep });
};

const sizeOf = (blocks: readonly Ipv4Cidr[]): number =>
  blocks.reduce((size, block) => size + blockSize(block), 0);

const largestSaving = (steps: readonly TradeOffPoint[]): number | undefined =>
  steps.reduce<TradeOffPoint | undefined>(
    (best, step) => (best === undefined || step.saved > best.saved ? step : best),
    undefined,
  )?.budget;
