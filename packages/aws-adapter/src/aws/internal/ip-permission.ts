import type { IpPermission } from "@aws-sdk/client-ec2";
import { formatCidr, formatProtocol, hasPorts, type Rule } from "@sg/core";

/**
 * The IpPermission that carries one rule in an Authorize or Revoke request: its protocol
 * as EC2 names it, its ports where the protocol has them, and its single source with its
 * description. EC2 matches a revoked permission by value and ignores the description.
 */
export const ipPermissionOf = (rule: Rule): IpPermission => {
  const { source, description: Description } = rule;
  const described = Description === undefined ? {} : { Description };
  const ports =
    hasPorts(rule.protocol) && rule.ports !== undefined
      ? { FromPort: rule.ports.from, ToPort: rule.ports.to }
      : {};
  const traffic = { IpProtocol: formatProtocol(rule.protocol), ...ports };

  switch (source.kind) {
    case "cidr":
      return source.cidr.family === "ipv4"
        ? { ...traffic, IpRanges: [{ CidrIp: formatCidr(source.cidr), ...described }] }
        : { ...traffic, Ipv6Ranges: [{ CidrIpv6: formatCidr(source.cidr), ...described }] };
    case "prefix-list":
      return { ...traffic, PrefixListIds: [{ PrefixListId: source.prefixListId, ...described }] };
    case "group":
      return {
        ...traffic,
        UserIdGroupPairs: [
          {
            GroupId: source.groupId,
            ...(source.userId === undefined ? {} : { UserId: source.userId }),
            ...(source.vpcId === undefined ? {} : { VpcId: source.vpcId }),
            ...(source.vpcPeeringConnectionId === undefined
              ? {}
              : { VpcPeeringConnectionId: source.vpcPeeringConnectionId }),
            ...described,
          },
        ],
      };
  }
};
