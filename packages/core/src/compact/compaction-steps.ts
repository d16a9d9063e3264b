import type { ApplyStep } from "../plan/apply-steps.js";
import type { GroupCompaction } from "./compaction.js";

/**
 * The apply steps of a compaction, one per merge in apply order: authorise the widened
 * block (nothing for an absorbed merge), then revoke the rules it replaces. Running them
 * in order never holds more than one rule above the group's use before the step, and
 * running them backwards undoes the compaction with the same bound.
 */
export const compactionSteps = (compaction: GroupCompaction): ApplyStep[] =>
  compaction.merges.map((merge) => ({
    authorise: merge.kind === "widened" ? [merge.rule] : [],
    revoke: merge.replaced,
  }));
