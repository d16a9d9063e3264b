import type { Rule } from "../rule/rule.js";
import type { ApplyOrder } from "./budget.js";

/**
 * One step of applying a group: authorise `authorise`, then revoke `revoke`. A group is
 * applied by running its steps in order, and undone by running them backwards.
 */
export interface ApplyStep {
  readonly authorise: readonly Rule[];
  readonly revoke: readonly Rule[];
}

/** A revoked rule and the new rules that replace it (none for an unused rule). */
export interface Replacement {
  readonly broad: Rule;
  readonly authorise: readonly Rule[];
}

/**
 * Orders a group's changes so that no moment of apply exceeds the quota the budget was
 * computed for. Staged: unused rules are revoked first (freeing room), then each broad
 * rule's replacements go in just before it is revoked, so at most one broad rule and its
 * replacements overlap. All at once: every authorise, then every revoke, as the original
 * tool did. Empty steps are left out.
 */
export const scheduleSteps = (
  replacements: readonly Replacement[],
  order: ApplyOrder,
): ApplyStep[] => {
  if (order === "all-at-once") {
    const step = {
      authorise: replacements.flatMap((r) => r.authorise),
      revoke: replacements.map((r) => r.broad),
    };
    return step.revoke.length + step.authorise.length === 0 ? [] : [step];
  }

  const unused = replacements.filter((r) => r.authorise.length === 0).map((r) => r.broad);
  const tightened = replacements
    .filter((r) => r.authorise.length > 0)
    .map((r) => ({ authorise: r.authorise, revoke: [r.broad] }));
  return unused.length === 0 ? tightened : [{ authorise: [], revoke: unused }, ...tightened];
};
