import type { SecurityGroup } from "../inventory/inventory.js";
import { ruleKey } from "../rule/rule-key.js";
import type { Rule } from "../rule/rule.js";

/**
 * The canonical text of the inbound rules of `groupIds` as they are in `groups`: sorted
 * groups, sorted rules, fixed key order, no whitespace. Hash it to sign a plan; any
 * added, removed or changed rule of those groups changes it, while descriptions, other
 * groups and the order the estate lists things in do not. A missing group is recorded as
 * missing, so deleting a group is a change too.
 */
export const canonicalSnapshot = (
  groups: readonly SecurityGroup[],
  groupIds: readonly string[],
): string => {
  const byId = new Map(groups.map((group) => [group.groupId, group]));
  const entries = [...new Set(groupIds)].sort().map((groupId) => {
    const group = byId.get(groupId);
    if (group === undefined) {
      return { groupId, missing: true };
    }
    const rules = group.rules.map(canonicalRule).sort();
    return { groupId, rules };
  });
  return JSON.stringify(entries);
};

const canonicalRule = (rule: Rule): string => `${ruleKey(rule)}|${rule.ruleId ?? ""}`;
