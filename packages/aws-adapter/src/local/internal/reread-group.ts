import type { Rule } from "@sg/core";
import { ESTATE_FILES } from "../estate-files.js";
import { securityGroupEntry } from "../../internal/codecs/security-groups-file.js";
import { decodeEstateFile } from "./decode-estate-file.js";
import type { EstateDocuments } from "./estate-documents.js";
import { groupOf, type EstateModel } from "./estate-model.js";
import type { JsonObject } from "./source-slot.js";
import { ruleMatchKey } from "../../internal/rule-match-key.js";

/** What one call did to a group's rules. */
export interface GroupChange {
  readonly groupId: string;
  readonly added: readonly Rule[];
  readonly removed: readonly Rule[];
}

/**
 * The model after one call changed one group: that group is read again from its new
 * JSON entry, its rules keeping the ids they had and taking those given to new ones,
 * while every other group is shared with the previous model. A call then costs in
 * proportion to the group, not the estate, and the result is what reopening the
 * rewritten files gives (a property test holds the two together).
 */
export const withGroupReread = (
  model: EstateModel,
  directory: string,
  documents: EstateDocuments,
  change: GroupChange,
): EstateModel => {
  const entries = (documents.securityGroups as JsonObject)["SecurityGroups"] as JsonObject[];
  const raw = entries.find((entry) => entry["GroupId"] === change.groupId);
  const decoded = decodeEstateFile(directory, ESTATE_FILES.securityGroups, securityGroupEntry, raw);
  const unnamed = groupOf(decoded, model.weights);

  const previous = model.groups.get(change.groupId)?.rules ?? [];
  const ids = new Map(
    [...previous, ...change.added].map((rule) => [ruleMatchKey(rule), rule.ruleId]),
  );
  const group = model.tracksRuleIds
    ? {
        ...unnamed,
        rules: unnamed.rules.map((rule) => ({ ...rule, ruleId: ids.get(ruleMatchKey(rule)) })),
      }
    : unnamed;

  const removedIds = new Set(change.removed.map((rule) => rule.ruleId));
  const ruleIds = [...model.ruleIds, ...change.added.map((rule) => rule.ruleId)].filter(
    (id): id is string => id !== undefined && !removedIds.has(id),
  );
  const groups = model.inventory.groups.map((candidate) =>
    candidate.groupId === change.groupId ? group : candidate,
  );

  return {
    ...model,
    inventory: { ...model.inventory, groups },
    groups: new Map(model.groups).set(change.groupId, group),
    ruleIds: new Set(ruleIds),
  };
};
