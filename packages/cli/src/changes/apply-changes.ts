import type { RuleWriter } from "@sg/aws-adapter";
import { ruleKey, type Rule } from "@sg/core";
import type { Journal } from "./journal.js";

/** The rules one group gains and loses. */
export interface GroupChanges {
  readonly groupId: string;
  readonly authorise: readonly Rule[];
  readonly revoke: readonly Rule[];
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

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Applies changes group by group: authorise the new rules, then revoke the old ones, so
 * traffic the evidence supports is never cut. Each group is all-or-nothing: if its revoke
 * fails after its authorise succeeded, the new rules are revoked again and the group is
 * left as it was. The first failing group halts the run; groups before it stay applied.
 * Every step is journalled before and after it happens.
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
  { groupId, authorise, revoke }: GroupChanges,
  journal: Journal,
): Promise<string | undefined> => {
  const added = await journal.intend(groupId, "authorise", authorise);
  let authorised: Rule[] = [];
  if (authorise.length > 0) {
    try {
      authorised = inRequestOrder(authorise, await writer.authorise(groupId, authorise));
    } catch (error) {
      await journal.settle(added, "failed");
      return `authorising ${authorise.length} rules failed: ${messageOf(error)}`;
    }
    await journal.settle(added, "done", authorised);
  }

  const removed = await journal.intend(groupId, "revoke", revoke);
  if (revoke.length === 0) return undefined;
  try {
    await writer.revoke(groupId, revoke);
  } catch (error) {
    await journal.settle(removed, "failed");
    const reason = `revoking ${revoke.length} rules failed: ${messageOf(error)}`;
    return reason + (await undoAuthorised(writer, groupId, authorised, added, journal));
  }
  await journal.settle(removed, "done");
  return undefined;
};

/** Takes back a failed group's new rules; says so in the failure when that fails too. */
const undoAuthorised = async (
  writer: RuleWriter,
  groupId: string,
  authorised: readonly Rule[],
  sequences: readonly number[],
  journal: Journal,
): Promise<string> => {
  if (authorised.length === 0) return "";
  try {
    await writer.revoke(groupId, authorised);
    await journal.settle(sequences, "undone");
    return "; its new rules were revoked again, so the group is as it was";
  } catch (error) {
    return `; revoking its new rules again also failed (${messageOf(error)}), run revert`;
  }
};

/** The rules the estate returned, in the order they were asked for. */
const inRequestOrder = (asked: readonly Rule[], returned: readonly Rule[]): Rule[] => {
  const byKey = new Map(returned.map((rule) => [ruleKey(rule), rule]));
  return asked.map((rule) => byKey.get(ruleKey(rule)) ?? rule);
};
