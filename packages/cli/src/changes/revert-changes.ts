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
  /** One line per group or rule that could not be put back. */
  readonly failures: readonly string[];
}

const undoable = (change: ManifestChange): boolean =>
  change.state === "done" || change.state === "pending";

const withoutId = ({ ruleId: _ruleId, ...rule }: Rule): Rule => rule;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Undoes the changes of a manifest against the estate as it is now, group by group in the
 * reverse of the order they were applied: first the revoked rules are authorised again
 * (protocol, ports, source and description exactly as recorded), then the added rules
 * are revoked. What is already as it was is skipped, so reverting twice is safe; a
 * `pending` change is undone if the estate shows it happened.
 */
export const revertChanges = async (
  inventory: Inventory,
  writer: RuleWriter,
  changes: readonly ManifestChange[],
): Promise<RevertOutcome> => {
  const groupOrder = [...new Set(changes.map((change) => change.groupId))].reverse();
  const restored: Rule[] = [];
  const removed: Rule[] = [];
  const failures: string[] = [];
  let alreadyReverted = 0;

  for (const groupId of groupOrder) {
    const present = new Map(
      (inventory.groups.find((group) => group.groupId === groupId)?.rules ?? []).map((rule) => [
        ruleKey(rule),
        rule,
      ]),
    );
    const own = changes.filter((change) => change.groupId === groupId && undoable(change));

    const toRestore = own
      .filter((change) => change.action === "revoke" && !present.has(ruleKey(change.rule)))
      .map((change) => withoutId(change.rule));
    const toRemove = own
      .filter((change) => change.action === "authorise" && present.has(ruleKey(change.rule)))
      .map((change) => present.get(ruleKey(change.rule))!);
    alreadyReverted += own.length - toRestore.length - toRemove.length;

    try {
      if (toRestore.length > 0) restored.push(...(await writer.authorise(groupId, toRestore)));
    } catch (error) {
      failures.push(
        `${groupId}: could not restore ${toRestore.map(describeRule).join("; ")}: ${messageOf(error)}`,
      );
      continue;
    }
    try {
      if (toRemove.length > 0) await writer.revoke(groupId, toRemove);
      removed.push(...toRemove);
    } catch (error) {
      failures.push(
        `${groupId}: could not revoke ${toRemove.map(describeRule).join("; ")}: ${messageOf(error)}`,
      );
    }
  }
  return { restored, removed, alreadyReverted, failures };
};
