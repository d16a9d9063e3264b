import {
  formatCidr,
  formatProtocol,
  type GroupReference,
  type Rule,
  type RuleSource,
} from "@sg/core";
import type { SecurityGroupRuleEntry } from "./codecs/security-group-rules-file.js";
import {
  groupSource,
  portsOf,
  prefixListSource,
  type PrefixListWeights,
} from "./permission-rules.js";

/**
 * The rule an entry of `security-group-rules.json` describes, or why it describes none:
 * EC2 gives every rule exactly one source, so zero or several is a damaged export.
 */
export const entryRule = (
  entry: SecurityGroupRuleEntry,
  weights: PrefixListWeights,
): { readonly rule: Rule } | { readonly sources: number } => {
  const sources: RuleSource[] = [
    ...(entry.CidrIpv4 === undefined ? [] : [{ kind: "cidr", cidr: entry.CidrIpv4 } as const]),
    ...(entry.CidrIpv6 === undefined ? [] : [{ kind: "cidr", cidr: entry.CidrIpv6 } as const]),
    ...(entry.PrefixListId === undefined ? [] : [prefixListSource(entry.PrefixListId, weights)]),
    ...(entry.ReferencedGroupInfo === undefined ? [] : [groupSource(entry.ReferencedGroupInfo)]),
  ];
  const [source] = sources;
  if (source === undefined || sources.length > 1) return { sources: sources.length };

  const ports = portsOf(entry.IpProtocol, entry.FromPort, entry.ToPort);
  const rule: Rule = {
    groupId: entry.GroupId,
    ruleId: entry.SecurityGroupRuleId,
    protocol: entry.IpProtocol,
    ...(ports === undefined ? {} : { ports }),
    source,
    ...(entry.Description === undefined ? {} : { description: entry.Description }),
  };
  return { rule };
};

/**
 * The JSON entry `describe-security-group-rules` prints for a new inbound rule, so a
 * rewritten rules file reads like a fresh export. Ports EC2 ignores are written as -1.
 */
export const ruleEntryJson = (
  rule: Rule,
  ruleId: string,
  ownerId: string | undefined,
): Record<string, unknown> => ({
  SecurityGroupRuleId: ruleId,
  GroupId: rule.groupId,
  ...(ownerId === undefined ? {} : { GroupOwnerId: ownerId }),
  IsEgress: false,
  IpProtocol: formatProtocol(rule.protocol),
  FromPort: rule.ports?.from ?? -1,
  ToPort: rule.ports?.to ?? -1,
  ...sourceJson(rule.source),
  ...(rule.description === undefined ? {} : { Description: rule.description }),
  Tags: [],
});

const sourceJson = (source: RuleSource): Record<string, unknown> => {
  switch (source.kind) {
    case "cidr":
      return source.cidr.family === "ipv4"
        ? { CidrIpv4: formatCidr(source.cidr) }
        : { CidrIpv6: formatCidr(source.cidr) };
    case "prefix-list":
      return { PrefixListId: source.prefixListId };
    case "group":
      return { ReferencedGroupInfo: groupJson(source) };
  }
};

/** A group reference as EC2 prints it, in either file, with only the fields it has. */
export const groupJson = (source: GroupReference): Record<string, string> => ({
  GroupId: source.groupId,
  ...(source.userId === undefined ? {} : { UserId: source.userId }),
  ...(source.vpcId === undefined ? {} : { VpcId: source.vpcId }),
  ...(source.vpcPeeringConnectionId === undefined
    ? {}
    : { VpcPeeringConnectionId: source.vpcPeeringConnectionId }),
  ...(source.peeringStatus === undefined ? {} : { PeeringStatus: source.peeringStatus }),
});
