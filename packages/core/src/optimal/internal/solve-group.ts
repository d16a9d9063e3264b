import { err, ok, type Result } from "../../result.js";
import type { CostCurve, RuleRequirement } from "../cost-curve.js";
import type { OptimalCoverError } from "../cover-error.js";
import { solveGroupTable, type GroupTable } from "./group-table.js";
import { solveRule } from "./solve-rule.js";
import { invalidCount, requiredOutsideRule } from "./validate.js";

/** Every rule's curve and the group table built from them. */
export interface SolvedGroup {
  readonly curves: readonly CostCurve[];
  readonly table: GroupTable;
  readonly rulesNeedingCover: number;
}

/**
 * Validates a group and solves it for budgets up to `budget`. The table stops at the
 * number of required blocks given, since more prefixes than blocks cannot help, so a
 * generous budget costs nothing extra; `table.budget` is where it stops. Each rule's
 * curve is capped where the other rules' minimum of one prefix each leaves no more room.
 */
export const solveGroup = (
  rules: readonly RuleRequirement[],
  budget: number,
): Result<SolvedGroup, OptimalCoverError> => {
  const badBudget = invalidCount("budget", budget, 0);
  if (badBudget !== undefined) {
    return err(badBudget);
  }
  for (const [index, rule] of rules.entries()) {
    const outside = requiredOutsideRule(rule, index);
    if (outside !== undefined) {
      return err(outside);
    }
  }

  const rulesNeedingCover = rules.filter((rule) => rule.required.length > 0).length;
  if (budget < rulesNeedingCover) {
    return err({ kind: "budget-below-rules", budget, rulesNeedingCover });
  }

  const room = Math.min(
    budget,
    rules.reduce((sum, rule) => sum + rule.required.length, 0),
  );
  const cap = Math.max(room - rulesNeedingCover + 1, 1);
  const curves = rules.map((rule) => solveRule(rule, cap));
  const table = solveGroupTable(
    curves.map((curve) => curve.trusted),
    room,
  );
  return ok({ curves, table, rulesNeedingCover });
};
