import type { AwsSecurityGroupRule, AwsTag, AwsUserIdGroupPair } from "../estate-files.js";
import { compact } from "./compact.js";

/** Where one stored rule admits traffic from: exactly one CIDR, prefix list or group. */
export type RuleSourceRecord =
  | { readonly kind: "ipv4"; readonly cidr: string }
  | { readonly kind: "ipv6"; readonly cidr: string }
  | { readonly kind: "prefix-list"; readonly prefixListId: string }
  | { readonly kind: "group"; readonly pair: Omit<AwsUserIdGroupPair, "Description"> };

/**
 * One rule as EC2 keeps it: one source, one protocol, one port range (-1/-1 where the
 * protocol has none), its own `sgr-` id. A permission with three CIDRs is three of these.
 */
export interface RuleRecord {
  readonly ruleId: string;
  readonly groupId: string;
  readonly isEgress: boolean;
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly source: RuleSourceRecord;
  readonly description?: string;
  readonly tags: readonly AwsTag[];
}

/** A rule not yet stored: everything but the id. */
export type CandidateRule = Omit<RuleRecord, "ruleId">;

const sourceKey = (source: RuleSourceRecord): string => {
  switch (source.kind) {
    case "ipv4":
    case "ipv6":
      return `${source.kind}:${source.cidr}`;
    case "prefix-list":
      return `pl:${source.prefixListId}`;
    case "group":
      return `sg:${source.pair.GroupId ?? source.pair.GroupName ?? ""}`;
  }
};

/**
 * What makes two rules the same rule for EC2: group, direction, protocol, ports and
 * source. Description and tags do not count, so re-adding a rule with a new description
 * is a duplicate and revoking needs no description.
 */
export const ruleIdentity = (rule: CandidateRule): string =>
  [rule.groupId, rule.isEgress, rule.protocol, rule.fromPort, rule.toPort, sourceKey(rule.source)]
    .map(String)
    .join("|");

/** The text EC2 puts in an `InvalidPermission.Duplicate` message for this rule. */
export const describePeer = (rule: CandidateRule): string => {
  const peer =
    rule.source.kind === "group"
      ? (rule.source.pair.GroupId ?? rule.source.pair.GroupName ?? "")
      : rule.source.kind === "prefix-list"
        ? rule.source.prefixListId
        : rule.source.cidr;
  const protocol = rule.protocol === "-1" ? "ALL" : rule.protocol.toUpperCase();
  return `peer: ${peer}, ${protocol}, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW`;
};

/** The rule as `describe-security-group-rules` prints it. */
export const ruleToAws = (
  rule: RuleRecord,
  ownerId: string,
  region: string,
): AwsSecurityGroupRule => {
  const { source } = rule;
  const pair = source.kind === "group" ? source.pair : undefined;
  return {
    SecurityGroupRuleId: rule.ruleId,
    GroupId: rule.groupId,
    GroupOwnerId: ownerId,
    IsEgress: rule.isEgress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    ...(source.kind === "ipv4" && { CidrIpv4: source.cidr }),
    ...(source.kind === "ipv6" && { CidrIpv6: source.cidr }),
    ...(source.kind === "prefix-list" && { PrefixListId: source.prefixListId }),
    ...(pair && {
      ReferencedGroupInfo: compact({
        GroupId: pair.GroupId,
        UserId: pair.UserId,
        VpcId: pair.VpcId,
        VpcPeeringConnectionId: pair.VpcPeeringConnectionId,
        PeeringStatus: pair.PeeringStatus,
      }),
    }),
    ...(rule.description !== undefined && { Description: rule.description }),
    Tags: rule.tags,
    SecurityGroupRuleArn: `arn:aws:ec2:${region}:${ownerId}:security-group-rule/${rule.ruleId}`,
  };
};

/** The rule as a revoke call reports it (`RevokedSecurityGroupRule`). */
export const ruleToRevoked = (rule: RuleRecord): Record<string, unknown> => {
  const aws = ruleToAws(rule, "", "");
  return compact({
    SecurityGroupRuleId: aws.SecurityGroupRuleId,
    GroupId: aws.GroupId,
    IsEgress: aws.IsEgress,
    IpProtocol: aws.IpProtocol,
    FromPort: aws.FromPort,
    ToPort: aws.ToPort,
    CidrIpv4: aws.CidrIpv4,
    CidrIpv6: aws.CidrIpv6,
    PrefixListId: aws.PrefixListId,
    ReferencedGroupId: aws.ReferencedGroupInfo?.GroupId,
    Description: aws.Description,
  });
};
