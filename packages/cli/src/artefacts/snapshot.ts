import { createHash } from "node:crypto";
import { canonicalSnapshot, type SecurityGroup } from "@sg/core";
import * as t from "io-ts";

/** One group's rules as the snapshot records them, or its absence. */
export type SnapshotGroup =
  | { readonly groupId: string; readonly rules: readonly string[] }
  | { readonly groupId: string; readonly missing: true };

/** The signed snapshot a plan was built from: the canonical rules and their SHA-256. */
export interface Snapshot {
  readonly algorithm: "sha256";
  readonly digest: string;
  readonly groups: readonly SnapshotGroup[];
}

/** The codec of a snapshot inside plan.json. */
export const snapshotJson = t.type({
  algorithm: t.literal("sha256"),
  digest: t.string,
  groups: t.array(
    t.union([
      t.type({ groupId: t.string, rules: t.array(t.string) }),
      t.type({ groupId: t.string, missing: t.literal(true) }),
    ]),
  ),
});

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Takes the snapshot of `groupIds` as they are in `groups`. */
export const takeSnapshot = (
  groups: readonly SecurityGroup[],
  groupIds: readonly string[],
): Snapshot => {
  const canonical = canonicalSnapshot(groups, groupIds);
  return {
    algorithm: "sha256",
    digest: sha256(canonical),
    groups: JSON.parse(canonical) as SnapshotGroup[],
  };
};

/** Whether a recorded snapshot still hashes to its own digest (the plan was not edited). */
export const isIntact = (snapshot: Snapshot): boolean =>
  sha256(JSON.stringify(snapshot.groups)) === snapshot.digest;

/**
 * What differs between the snapshot a plan was built from and the estate now, one line
 * per group and rule, so a refusal names exactly what changed.
 */
export const describeDrift = (recorded: Snapshot, current: Snapshot): string[] => {
  const now = new Map(current.groups.map((group) => [group.groupId, group]));
  return recorded.groups.flatMap((before) => {
    const after = now.get(before.groupId);
    if (after === undefined || "missing" in after) {
      return "missing" in before ? [] : [`${before.groupId}: the group no longer exists`];
    }
    if ("missing" in before) return [`${before.groupId}: the group exists now`];

    const was = new Set(before.rules);
    const is = new Set(after.rules);
    return [
      ...before.rules
        .filter((rule) => !is.has(rule))
        .map((rule) => `${before.groupId}: removed ${rule}`),
      ...after.rules
        .filter((rule) => !was.has(rule))
        .map((rule) => `${before.groupId}: added ${rule}`),
    ];
  });
};
