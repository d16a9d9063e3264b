import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import { tradeOffCurve } from "../optimal/trade-off.js";

/** How many budgets beyond the current one a plan reports. */
const REPORTED_STEPS = 10;

/** How far beyond the current budget the curve is computed, at most. */
const LOOK_AHEAD = 200;

/**
 * What a larger rule quota would buy a group the budget constrains: the addresses its
 * replacements trust now, with 1 … 10 more rules, and with every layer-1 block on its own
 * (the floor the evidence supports), with how many more rules that takes when it is
 * within reach. Each figure is the exact optimum for its budget.
 */
export interface QuotaTradeOff {
  readonly budget: number;
  readonly trusted: number;
  readonly moreRules: readonly { readonly extra: number; readonly trusted: number }[];
  readonly floor: number;
  readonly extraRulesForFloor?: number;
}

/**
 * Computes the trade-off for rules whose layer-1 `required` blocks did not fit `budget`.
 * Returns `undefined` when they fit (more quota would buy nothing).
 */
export const quotaTradeOff = (
  rules: readonly { readonly block: Ipv4Cidr; readonly required: readonly Ipv4Cidr[] }[],
  budget: number,
): QuotaTradeOff | undefined => {
  const blocks = rules.reduce((sum, rule) => sum + rule.required.length, 0);
  if (blocks <= budget || budget < rules.length) return undefined;

  const curve = tradeOffCurve(rules, Math.min(blocks, budget + LOOK_AHEAD));
  if (!curve.ok) return undefined;

  const at = new Map(curve.value.points.map((point) => [point.budget, point.trusted]));
  const trusted = at.get(budget)!;
  const moreRules = Array.from({ length: REPORTED_STEPS }, (_, i) => i + 1)
    .filter((extra) => at.has(budget + extra))
    .map((extra) => ({ extra, trusted: at.get(budget + extra)! }));
  const floorPoint = curve.value.points.find((point) => point.trusted === curve.value.floor);
  return {
    budget,
    trusted,
    moreRules,
    floor: curve.value.floor,
    ...(curve.value.complete && floorPoint
      ? { extraRulesForFloor: floorPoint.budget - budget }
      : {}),
  };
};
