import type { AwsIpPermission } from "../estate-files.js";
import { compact } from "./compact.js";
import { keepsPorts } from "./protocol.js";
import type { RuleRecord } from "./rule-record.js";

interface MutablePermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges: object[];
  Ipv6Ranges: object[];
  PrefixListIds: object[];
  UserIdGroupPairs: object[];
}

const newPermission = (rule: RuleRecord): MutablePermission => ({
  IpProtocol: rule.protocol,
  ...(keepsPorts(rule.protocol) && { FromPort: rule.fromPort, ToPort: rule.toPort }),
  IpRanges: [],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
});

const addSource = (permission: MutablePermission, rule: RuleRecord): void => {
  const Description = rule.description;
  const { source } = rule;
  switch (source.kind) {
    case "ipv4":
      permission.IpRanges.push(compact({ CidrIp: source.cidr, Description }));
      return;
    case "ipv6":
      permission.Ipv6Ranges.push(compact({ CidrIpv6: source.cidr, Description }));
      return;
    case "prefix-list":
      permission.PrefixListIds.push(compact({ PrefixListId: source.prefixListId, Description }));
      return;
    case "group":
      permission.UserIdGroupPairs.push(compact({ ...source.pair, Description }));
  }
};

/**
 * Folds single-source rules back into the `IpPermission` list `describe-security-groups`
 * prints: one permission per protocol and port range, in the order each range first
 * appears, with every source list present (empty when unused) as the CLI prints them.
 */
export const permissionsOf = (rules: readonly RuleRecord[]): AwsIpPermission[] => {
  const byRange = new Map<string, MutablePermission>();
  for (const rule of rules) {
    const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}`;
    const permission = byRange.get(key) ?? newPermission(rule);
    addSource(permission, rule);
    byRange.set(key, permission);
  }
  return [...byRange.values()] as AwsIpPermission[];
};
