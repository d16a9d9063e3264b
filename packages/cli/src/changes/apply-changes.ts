import { RuleWriteError, type RuleWriter } from "@sg/aws-adapter";
import { ruleKey, type ApplyStep, type Rule } from "@sg/core";
import type { Journal } from "./journal.js";

/** The steps that change one group, in the order the plan scheduled them. */
export interface GroupChanges {
  readonly groupId: string;
  readonly steps: readonly ApplyStep[];
}

/** How an apply ended. */
export type ApplyOutcome =
  | { readonly kind: "complete"; readonly groups: number }
  | {
      readonly kind: "halted";
      /** Groups completed before the failure; they stay applied. */
      readonly groups: number;
      readonly groupId: string;
      readonly message: string;
    };

/** A step that went through, with what undoing it needs. */
interface DoneStep {
  readonly authorised: readonly Rule[];
  readonly revoked: readonly Rule[];
  readonly sequences: readonly number[];
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Applies changes group by group, each group's steps in order: authorise a step's new
 * rules, then revoke its old ones, so traffic the evidence supports is never cut and the
 * quota holds at every moment the plan was scheduled for. Each group is all-or-nothing:
 * when a call fails, the group's completed steps are undone in reverse and the group is
 * left as it was. The first failing group halts the run; groups before it stay applied.
 * Every call is journalled before and after it happens.
 */
export const applyChanges = async (
  writer: RuleWriter,
  groups: readonly GroupChanges[],
  journal: Journal,
  progress: (done: number, total: number) => void,
): Promise<ApplyOutcome> => {
  let completed = 0;
  for (const group of groups) {
    const failure = await applyGroup(writer, group, journal);
    if (failure !== undefined) {
      return { kind: "halted", groups: completed, groupId: group.groupId, message: failure };
    }
    completed += 1;
    progress(completed, groups.length);
  }
  return { kind: "complete", groups: completed };
};

/** Applies one group; returns why it failed, or `undefined` when it succeeded. */
const applyGroup = async (
  writer: RuleWriter,
  { groupId, steps }: GroupChanges,
  journal: Journal,
): Promise<string | undefined> => {
  const done: DoneStep[] = [];
  for (const step of steps) {
    const added = await journal.intend(groupId, "authorise", step.authorise);
    let authorised: Rule[] = [];
    try {
      if (step.authorise.length > 0) {
        authorised = inRequestOrder(
          step.authorise,
          await writer.authorise(groupId, step.authorise),
        );
      }
    } catch (error) {
      await journal.settle(added, settledStateOf(error));
      const reason = `authorising ${step.authorise.length} rules failed: ${messageOf(error)}`;
      return reason + (await undoSteps(writer, groupId, done, journal));
    }
    await journal.settle(added, "done", authorised);

    const removed = await journal.intend(groupId, "revoke", step.revoke);
    try {
      if (step.revoke.length > 0) await writer.revoke(groupId, step.revoke);
    } catch (error) {
      await journal.settle(removed, settledStateOf(error));
      const current = { authorised, revoked: [], sequences: added };
      const reason = `revoking ${step.revoke.length} rules failed: ${messageOf(error)}`;
      return reason + (await undoSteps(writer, groupId, [...done, current], journal));
    }
    await journal.settle(removed, "done");
    done.push({ authorised, revoked: step.revoke, sequences: [...added, ...removed] });
  }
  return undefined;
};

/**
 * Undoes a failed group's completed steps, last first: the revoked rules go back in
 * before their replacements come out, as revert would. Says in the failure what happened.
 */
const undoSteps = async (
  writer: RuleWriter,
  groupId: string,
  done: readonly DoneStep[],
  journal: Journal,
): Promise<string> => {
  if (done.length === 0) return "; nothing of the group had changed";
  for (const step of [...done].reverse()) {
    try {
      if (step.revoked.length > 0) await writer.authorise(groupId, step.revoked.map(withoutId));
      if (step.authorised.length > 0) await writer.revoke(groupId, step.authorised);
    } catch (error) {
      return `; undoing the group's earlier changes also failed (${messageOf(error)}), run revert`;
    }
    await journal.settle(step.sequences, "undone");
  }
  return "; the group's earlier changes were undone, so it is as it was";
};

const withoutId = ({ ruleId: _ruleId, ...rule }: Rule): Rule => rule;

/**
 * How a failed call is journalled: `failed` when the writer knows nothing changed, but
 * `pending` when the outcome is unknown (a lost response), so revert checks the estate.
 */
const settledStateOf = (error: unknown): "failed" | "pending" =>
  error instanceof RuleWriteError && error.code === "OutcomeUnknown" ? "pending" : "failed";

/** The rules the estate returned, in the order they were asked for. */
const inRequestOrder = (asked: readonly Rule[], returned: readonly Rule[]): Rule[] => {
  const byKey = new Map(returned.map((rule) => [ruleKey(rule), rule]));
  return asked.map((rule) => byKey.get(ruleKey(rule)) ?? rule);
};
