import type { BlockedSource } from "../../diagnose/blocked-source.js";
import type { SecurityGroup } from "../../inventory/inventory.js";
import { admitsTraffic } from "../../rule/admits.js";

/**
 * The groups a blocked attempt is admitted to: only groups of the interface that saw it,
 * within `scope` when one is given. Of those, the groups that already hold a rule for the
 * attempt's protocol and port own that service and take the rule; when none does, every
 * one of them does. So a flow never fans out to groups of other interfaces, and a shared
 * group is not widened for a port another group serves.
 */
export const targetGroups = (
  blocked: BlockedSource,
  groups: ReadonlyMap<string, SecurityGroup>,
  scope: ReadonlySet<string> | undefined,
): string[] => {
  const { protocol, port } = blocked.attempt;
  const inScope = blocked.groupIds.filter(
    (groupId) => groups.has(groupId) && (scope === undefined || scope.has(groupId)),
  );

  const owners = inScope.filter((groupId) =>
    groups.get(groupId)!.rules.some((rule) => admitsTraffic(rule, protocol, port)),
  );
  return owners.length > 0 ? owners : inScope;
};
