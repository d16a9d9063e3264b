/**
 * The provably tightest cover of a group's rules within its rule budget: per-rule cost
 * curves, their exact combination over the budget, and the group's quota trade-off.
 */
export { describeOptimalCoverError, type OptimalCoverError } from "./cover-error.js";
export { costCurve, type CostCurve, type RuleRequirement } from "./cost-curve.js";
export { coverAt } from "./cover-at.js";
export { optimalGroupCover, type GroupCover, type RuleCover } from "./group-cover.js";
export { tradeOffCurve, type TradeOffCurve, type TradeOffPoint } from "./trade-off.js";
