import type { RuleWriter } from "@sg/aws-adapter";
import { describeRule, ruleKey, type Inventory, type Rule } from "@sg/core";
import type { ManifestChange } from "../artefacts/manifest.js";

/** What a revert did, and what it could not do. */
export interface RevertOutcome {
  /** Original rules authorised again. */
  readonly restored: readonly Rule[];
  /** Rules the run had added, revoked again. */
  readonly removed: readonly Rule[];
  /** Changes with nothing left to undo (already reverted, or never made). */
  readonly alreadyReverted: number;
  /** One line per group that could not be put back entirely. */
  readonly failures: readonly string[];
}

const undoable = (change: ManifestChange): boolean =>
  change.state === "done" || change.state === "pending";

const withoutId = ({ ruleId: _ruleId, ...rule }: Rule): Rule => rule;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Consecutive changes of one action, undone by one call. */
const batches = (changes: readonly ManifestChange[]): ManifestChange[][] => {
  const runs: ManifestChange[][] = [];
  for (const change of changes) {
    const run = runs[runs.length - 1];
    if (run !== undefined && run[0]!.action === change.action) run.push(change);
    else runs.push([change]);
  }
  return runs;
};

/**
 * Undoes the changes of a manifest against the estate as it is now. Each group's changes
 * are undone in exactly the reverse order they were made, so a group never holds more
 * rules than it did during the apply: a revoked rule is authorised again (protocol,
 * ports, source and description as recorded) before the rules that replaced it are
 * revoked. What is already as it was is skipped, so reverting twice is safe; a `pending`
 * change is undone if the estate shows it happened. A failing group stops there and is
 * reported; the other groups are still reverted.
 */
export const revertChanges = async (
  inventory: Inventory,
  writer: RuleWriter,
  changes: readonly ManifestChange[],
): Promise<RevertOutcome> => {
  const outcome = { restored: [] as Rule[], removed: [] as Rule[], alreadyReverted: 0 };
  const failures: string[] = [];

  const groupOrder = [...new Set(changes.map((change) => change.groupId))].reverse();
  for (const groupId of groupOrder) {
    const held = inventory.groups.find((group) => group.groupId === groupId)?.rules ?? [];
    const present = new Map(held.map((rule) => [ruleKey(rule), rule]));
    const own = changes.filter((c) => c.groupId === groupId && undoable(c)).reverse();

    for (const batch of batches(own)) {
      try {
        await undoBatch(writer, groupId, batch, present, outcome);
      } catch (error) {
        const rules = batch.map((change) => describeRule(change.rule)).join("; ");
        failures.push(
          `${groupId}: could not undo ${batch[0]!.action} of ${rules}: ${messageOf(error)}`,
        );
        break;
      }
    }
  }
  return { ...outcome, failures };
};

/** Undoes one run of same-action changes, updating `present` to the group's new state. */
const undoBatch = async (
  writer: RuleWriter,
  groupId: string,
  batch: readonly ManifestChange[],
  present: Map<string, Rule>,
  outcome: { restored: Rule[]; removed: Rule[]; alreadyReverted: number },
): Promise<void> => {
  if (batch[0]!.action === "revoke") {
    const missing = batch.filter((change) => !present.has(ruleKey(change.rule)));
    outcome.alreadyReverted += batch.length - missing.length;
    if (missing.length === 0) return;

    const restored = await writer.authorise(
      groupId,
      missing.map((c) => withoutId(c.rule)),
    );
    for (const rule of restored) present.set(ruleKey(rule), rule);
    outcome.restored.push(...restored);
    return;
  }

  const added = batch.flatMap((change) => present.get(ruleKey(change.rule)) ?? []);
  outcome.alreadyReverted += batch.length - added.length;
  if (added.length === 0) return;

  await writer.revoke(groupId, added);
  for (const rule of added) present.delete(ruleKey(rule));
  outcome.removed.push(...added);
};
