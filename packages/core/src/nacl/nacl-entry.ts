import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { Ipv6Cidr } from "../address/ipv6-cidr.js";
import type { Protocol } from "../rule/protocol.js";
import type { PortRange } from "../rule/rule.js";

/**
 * One entry of a network ACL, in the vocabulary of DescribeNetworkAcls. NACLs are
 * stateless and decide by the first matching entry in ascending `ruleNumber`, so a REJECT
 * that no security group explains may be theirs. `protocol` -1 means every protocol;
 * `portRange` applies to tcp (6) and udp (17) only, `icmpTypeCode` to icmp (1) only (type
 * or code -1 means all); every other protocol matches all of its traffic.
 */
export interface NaclEntry {
  readonly ruleNumber: number;
  readonly protocol: Protocol;
  readonly ruleAction: "allow" | "deny";
  readonly egress: boolean;
  readonly cidrBlock?: Ipv4Cidr;
  readonly ipv6CidrBlock?: Ipv6Cidr;
  readonly portRange?: PortRange;
  readonly icmpTypeCode?: { readonly type: number; readonly code: number };
}

/** A network ACL with its entries and the subnets associated with it. */
export interface SubnetNacl {
  readonly networkAclId: string;
  readonly subnetIds: readonly string[];
  readonly entries: readonly NaclEntry[];
}

/**
 * The network ACL that guards a subnet, or `undefined` when none of `nacls` is associated
 * with it. EC2 associates every subnet with exactly one ACL, so the first match is the one.
 */
export const naclOfSubnet = (
  nacls: readonly SubnetNacl[],
  subnetId: string,
): SubnetNacl | undefined => nacls.find((nacl) => nacl.subnetIds.includes(subnetId));
