import { hasPorts, type PortRange, type Protocol, type Rule, type RuleSource } from "@sg/core";
import type { IpPermission } from "./codecs/security-groups-file.js";

/**
 * The ports a rule opens as the model holds them: `undefined` for protocols whose ports
 * EC2 ignores (-1 and anything but tcp, udp, icmp and icmpv6) and when the export names
 * none.
 */
export const portsOf = (
  protocol: Protocol,
  from: number | undefined,
  to: number | undefined,
): PortRange | undefined =>
  hasPorts(protocol) && from !== undefined && to !== undefined ? { from, to } : undefined;

/** The maximum entries of each prefix list, its cost against the rule quota. */
export type PrefixListWeights = ReadonlyMap<string, number>;

/**
 * Splits one IpPermission into the rules EC2 counts: one per IPv4 range, IPv6 range,
 * prefix list and group pair, in that order, each with its own description.
 */
export const permissionRules = (
  groupId: string,
  permission: IpPermission,
  weights: PrefixListWeights,
): Rule[] => {
  const traffic = {
    groupId,
    protocol: permission.IpProtocol,
    ports: portsOf(permission.IpProtocol, permission.FromPort, permission.ToPort),
  };
  const rule = (source: RuleSource, description: string | undefined): Rule => ({
    ...traffic,
    source,
    ...(description === undefined ? {} : { description }),
  });

  return [
    ...(permission.IpRanges ?? []).map((range) =>
      rule({ kind: "cidr", cidr: range.CidrIp }, range.Description),
    ),
    ...(permission.Ipv6Ranges ?? []).map((range) =>
      rule({ kind: "cidr", cidr: range.CidrIpv6 }, range.Description),
    ),
    ...(permission.PrefixListIds ?? []).map((list) =>
      rule(prefixListSource(list.PrefixListId, weights), list.Description),
    ),
    ...(permission.UserIdGroupPairs ?? []).map((pair) => rule(groupSource(pair), pair.Description)),
  ];
};

/** A prefix-list source carrying its weight when the estate knows it. */
export const prefixListSource = (prefixListId: string, weights: PrefixListWeights): RuleSource => {
  const maxEntries = weights.get(prefixListId);
  return { kind: "prefix-list", prefixListId, ...(maxEntries === undefined ? {} : { maxEntries }) };
};

/** The fields EC2 prints for a referenced group, in the groups file and the rules file. */
export interface GroupFields {
  readonly GroupId: string;
  readonly UserId?: string;
  readonly VpcId?: string;
  readonly VpcPeeringConnectionId?: string;
  readonly PeeringStatus?: string;
}

/** A group-reference source with only the fields the export gave. */
export const groupSource = (fields: GroupFields): RuleSource => ({
  kind: "group",
  groupId: fields.GroupId,
  ...(fields.UserId === undefined ? {} : { userId: fields.UserId }),
  ...(fields.VpcId === undefined ? {} : { vpcId: fields.VpcId }),
  ...(fields.VpcPeeringConnectionId === undefined
    ? {}
    : { vpcPeeringConnectionId: fields.VpcPeeringConnectionId }),
  ...(fields.PeeringStatus === undefined ? {} : { peeringStatus: fields.PeeringStatus }),
});
