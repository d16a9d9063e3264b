import { compareText } from "../internal/compare-text.js";
import type { Inventory } from "../inventory/inventory.js";
import { ipv4QuotaCost } from "../plan/budget.js";

/** How full one group's IPv4 inbound rule quota is. */
export interface QuotaUse {
  readonly groupId: string;
  readonly groupName?: string;
  /** Rules used, each at its IPv4 quota cost (a prefix list at its maximum entries). */
  readonly used: number;
  readonly quota: number;
  /** `used / quota`; above 1 when the group is over a lowered quota. */
  readonly share: number;
}

/**
 * Ranks groups by how near they are to their rule quota, fullest first (ties: more rules
 * used, then group id), so compaction looks first where budget is scarcest. With
 * `groupIds`, only those groups are ranked; ids the inventory lacks are left out.
 */
export const rankByQuotaUse = (inventory: Inventory, groupIds?: readonly string[]): QuotaUse[] => {
  const wanted = groupIds === undefined ? undefined : new Set(groupIds);
  return inventory.groups
    .filter((group) => wanted === undefined || wanted.has(group.groupId))
    .map((group) => {
      const quota = inventory.quotaByGroup?.[group.groupId] ?? inventory.defaultQuota;
      const used = group.rules.reduce((sum, rule) => sum + ipv4QuotaCost(rule), 0);
      return {
        groupId: group.groupId,
        ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
        used,
        quota,
        share: used / quota,
      };
    })
    .sort(
      (a, b) =>
        b.used * a.quota - a.used * b.quota || b.used - a.used || compareText(a.groupId, b.groupId),
    );
};
