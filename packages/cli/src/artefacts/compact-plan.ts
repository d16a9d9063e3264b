import {
  formatIpv4Cidr,
  formatSource,
  formatTraffic,
  type ApplyStep,
  type CompactionMerge,
  type GroupCompaction,
} from "@sg/core";
import * as t from "io-ts";
import type { ArtefactKind } from "./artefact-file.js";
import { count } from "./codecs.js";
import { ruleJson } from "./rule-json.js";
import { snapshotJson, type Snapshot } from "./snapshot.js";

/** The compact-plan.json artefact: its name, version and flag. */
export const COMPACT_PLAN: ArtefactKind = {
  format: "sg-tightener/compact-plan",
  version: 1,
  flag: "--plan",
};

/** The ratio's definition, written into every plan so the file explains itself. */
export const RATIO_DEFINITION =
  "the share of a widened block W that no existing rule of the same protocol and ports " +
  "admitted: |W - union of the class rules inside W| / |W|; a widening is allowed when " +
  "that share is at most the ratio";

/** What compact apply needs from a plan: the snapshot, the quota and each group's steps. */
export interface CompactPlanSteps {
  readonly snapshot: Snapshot;
  readonly settings: { readonly ratio: number; readonly maxRules: number };
  readonly groups: readonly { readonly groupId: string; readonly merges: readonly ApplyStep[] }[];
}

/**
 * Reads the parts of compact-plan.json that apply acts on, strictly: the snapshot, the
 * quota it was planned against, and per group each merge's rules to authorise and revoke.
 * Costs, blocks and refused groups are for the reviewer; apply recomputes nothing from
 * them, but checks every merge still keeps coverage before it writes.
 */
export const compactPlanCodec = t.type({
  format: t.literal(COMPACT_PLAN.format),
  version: t.literal(COMPACT_PLAN.version),
  settings: t.type({ ratio: t.number, maxRules: count }),
  snapshot: snapshotJson,
  groups: t.array(
    t.type({
      groupId: t.string,
      merges: t.array(t.type({ authorise: t.array(ruleJson), revoke: t.array(ruleJson) })),
    }),
  ),
});

const mergeJson = (merge: CompactionMerge) => ({
  kind: merge.kind,
  traffic: formatTraffic(merge.rule),
  blocks: merge.replaced.map((rule) => formatSource(rule.source)),
  into: formatIpv4Cidr(merge.into),
  addedAddresses: merge.addedAddresses,
  ratio: merge.ratio,
  authorise: merge.kind === "widened" ? [ruleJson.encode(merge.rule)] : [],
  revoke: merge.replaced.map((rule) => ruleJson.encode(rule)),
});

const groupJson = (group: GroupCompaction) => ({
  groupId: group.groupId,
  ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
  quota: group.quota,
  rulesBefore: group.rulesBefore,
  rulesAfter: group.rulesAfter,
  peakRules: group.peakRules,
  addedAddresses: group.addedAddresses,
  ...(group.refusal === undefined ? {} : { refusal: group.refusal }),
  merges: group.merges.map(mergeJson),
});

/**
 * Renders compact-plan.json: the ratio and its definition, totals, and per group every
 * merge in apply order with the blocks it merges, the block they become, the addresses it
 * adds and its ratio, plus the exact rules to authorise and revoke. Groups that would need
 * a rule slot they lack are listed under `refused` with the reason, and are never applied.
 * Signed by the snapshot of the groups it changes; no timestamp, so the same estate and
 * flags always give the same bytes.
 */
export const encodeCompactPlan = (
  compactions: readonly GroupCompaction[],
  snapshot: Snapshot,
  settings: { readonly ratio: number; readonly maxRules: number },
) => {
  const changed = compactions.filter((g) => g.refusal === undefined && g.merges.length > 0);
  const refused = compactions.filter((g) => g.refusal !== undefined);
  return {
    format: COMPACT_PLAN.format,
    version: COMPACT_PLAN.version,
    settings: {
      ratio: settings.ratio / 100,
      ratioDefinition: RATIO_DEFINITION,
      maxRules: settings.maxRules,
    },
    snapshot,
    totals: {
      groups: changed.length,
      merges: changed.reduce((sum, g) => sum + g.merges.length, 0),
      rulesBefore: changed.reduce((sum, g) => sum + g.rulesBefore, 0),
      rulesAfter: changed.reduce((sum, g) => sum + g.rulesAfter, 0),
      addedAddresses: changed.reduce((sum, g) => sum + g.addedAddresses, 0),
    },
    groups: changed.map(groupJson),
    refused: refused.map(groupJson),
  };
};
