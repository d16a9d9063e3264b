import { formatProtocol, parseProtocol, type Rule } from "@sg/core";
import { portsOf } from "../../internal/permission-rules.js";
import { trafficKey } from "../../internal/rule-match-key.js";
import { SOURCE_LISTS, sourceSlot, type JsonObject } from "./source-slot.js";

/**
 * A copy of the `security-groups.json` document with `rules` added to the group's inbound
 * permissions: each joins the permission with its protocol and ports when there is one,
 * as EC2 prints it, or starts a new one. Nothing else in the document changes.
 */
export const withPermissionsAdded = (
  document: unknown,
  groupId: string,
  rules: readonly Rule[],
): unknown => {
  const { copy, permissions } = withGroupCopied(document, groupId);

  for (const rule of rules) {
    const key = trafficKey(rule.protocol, rule.ports);
    const permission = permissions.find((candidate) => permissionKey(candidate) === key);
    const slot = sourceSlot(rule.source);
    const entry = slot.entry(rule.description);

    if (permission === undefined) {
      permissions.push(newPermission(rule, slot.list, entry));
    } else {
      permission[slot.list] = [...entriesOf(permission, slot.list), entry];
    }
  }
  return copy;
};

/**
 * A copy of the `security-groups.json` document without `rules` (each known to exist) in
 * the group's inbound permissions. A permission this leaves with no source is removed, as
 * EC2 no longer prints it.
 */
export const withPermissionsRemoved = (
  document: unknown,
  groupId: string,
  rules: readonly Rule[],
): unknown => {
  const { copy, permissions } = withGroupCopied(document, groupId);

  const emptied = new Set<JsonObject>();

  for (const rule of rules) {
    const key = trafficKey(rule.protocol, rule.ports);
    const slot = sourceSlot(rule.source);
    const permission = permissions.find(
      (candidate) =>
        permissionKey(candidate) === key && entriesOf(candidate, slot.list).some(slot.holds),
    );
    if (permission === undefined) continue;

    const entries = entriesOf(permission, slot.list);
    entries.splice(entries.findIndex(slot.holds), 1);
    if (!SOURCE_LISTS.some((list) => entriesOf(permission, list).length > 0))
      emptied.add(permission);
  }

  const kept = permissions.filter((permission) => !emptied.has(permission));
  permissions.splice(0, permissions.length, ...kept);
  return copy;
};

/**
 * A copy of the document that shares every group but `groupId` with the original, and that
 * group's permissions, deep-copied so they can be edited in place.
 */
const withGroupCopied = (
  document: unknown,
  groupId: string,
): { copy: JsonObject; permissions: JsonObject[] } => {
  const original = document as JsonObject;
  const groups = original["SecurityGroups"] as JsonObject[];
  const index = groups.findIndex((candidate) => candidate["GroupId"] === groupId);
  const group = structuredClone(groups[index]) as JsonObject;

  const copy = {
    ...original,
    SecurityGroups: groups.map((candidate, at) => (at === index ? group : candidate)),
  };
  return { copy, permissions: group["IpPermissions"] as JsonObject[] };
};

const permissionKey = (permission: JsonObject): string => {
  const parsed = parseProtocol(permission["IpProtocol"] as string);
  const protocol = parsed.ok ? parsed.value : Number.NaN;
  const ports = portsOf(
    protocol,
    permission["FromPort"] as number | undefined,
    permission["ToPort"] as number | undefined,
  );
  return trafficKey(protocol, ports);
};

const newPermission = (rule: Rule, list: string, entry: JsonObject): JsonObject => ({
  IpProtocol: formatProtocol(rule.protocol),
  ...(rule.ports === undefined ? {} : { FromPort: rule.ports.from, ToPort: rule.ports.to }),
  ...Object.fromEntries(SOURCE_LISTS.map((name) => [name, name === list ? [entry] : []])),
});

const entriesOf = (permission: JsonObject, list: string): JsonObject[] =>
  (permission[list] as JsonObject[] | undefined) ?? [];
