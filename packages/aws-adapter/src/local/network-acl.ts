import type { Ipv4Cidr, Ipv6Cidr, PortRange, Protocol } from "@sg/core";

/**
 * One entry of a network ACL. Entries are evaluated in ascending `ruleNumber` within a
 * direction and the first match decides. `portRange` is set only for tcp and udp, and
 * `icmpTypeCode` only for icmp and icmpv6: for any other protocol a NACL entry covers
 * every port, as EC2 applies it.
 */
export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly protocol: Protocol;
  readonly ruleAction: "allow" | "deny";
  readonly egress: boolean;
  readonly cidrBlock?: Ipv4Cidr;
  readonly ipv6CidrBlock?: Ipv6Cidr;
  readonly portRange?: PortRange;
  readonly icmpTypeCode?: { readonly type: number; readonly code: number };
}

/**
 * A network ACL and the subnets it guards. A flow-log REJECT does not say whether a group
 * or a NACL dropped the packet; commands that explain rejects read these to tell the two
 * apart (aws-facts §3.3). The entries are sorted by direction (inbound first), then by
 * rule number, which is the order EC2 evaluates them in.
 */
export interface NetworkAcl {
  readonly networkAclId: string;
  readonly vpcId?: string;
  readonly isDefault?: boolean;
  readonly entries: readonly NetworkAclEntry[];
  readonly subnetIds: readonly string[];
}
