import type { Cidr } from "../address/cidr.js";
import type { Protocol } from "./protocol.js";

/**
 * The ports a rule opens: an inclusive range for TCP and UDP, the ICMP type (`from`) and
 * code (`to`) for ICMP, where -1 means "all". `undefined` on a rule means all ports.
 */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** A reference to another security group, with what EC2 needs to restore it exactly. */
export interface GroupReference {
  readonly kind: "group";
  readonly groupId: string;
  readonly userId?: string;
  readonly vpcId?: string;
  readonly vpcPeeringConnectionId?: string;
  readonly peeringStatus?: string;
}

/**
 * A managed prefix list. It costs its `maxEntries` against the rule quota, not the number
 * of entries in use; `undefined` when the estate did not say.
 */
export interface PrefixListReference {
  readonly kind: "prefix-list";
  readonly prefixListId: string;
  readonly maxEntries?: number;
}

/** An IPv4 or IPv6 CIDR source. */
export interface CidrSource {
  readonly kind: "cidr";
  readonly cidr: Cidr;
}

/** Where a rule admits traffic from: exactly one of a CIDR, a prefix list or a group. */
export type RuleSource = CidrSource | PrefixListReference | GroupReference;

/**
 * One inbound security-group rule as EC2 counts it: one source per rule, so an
 * IpPermission with three CIDRs is three rules. Carries everything needed to restore it.
 */
export interface Rule {
  readonly groupId: string;
  readonly ruleId?: string;
  readonly protocol: Protocol;
  readonly ports?: PortRange;
  readonly source: RuleSource;
  readonly description?: string;
}
