import { ruleKey, type Inventory, type Plan } from "@sg/core";

/** The inventory as it would be after applying `plan`: revoked rules gone, new ones in. */
export const inventoryAfter = (inventory: Inventory, plan: Plan): Inventory => {
  const byGroup = new Map(plan.groups.map((group) => [group.groupId, group]));
  return {
    ...inventory,
    groups: inventory.groups.map((group) => {
      const changes = byGroup.get(group.groupId);
      if (changes === undefined) return group;
      const revoked = new Set(changes.revoke.map(ruleKey));
      const rules = group.rules.filter((rule) => !revoked.has(ruleKey(rule)));
      return { ...group, rules: [...rules, ...changes.authorise] };
    }),
  };
};
