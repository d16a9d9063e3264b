import type { Ipv4 } from "../address/ipv4.js";
import type { Rule } from "../rule/rule.js";

/** A security group and its inbound rules, as the inventory read it. */
export interface SecurityGroup {
  readonly groupId: string;
  readonly groupName?: string;
  readonly vpcId?: string;
  readonly ownerId?: string;
  readonly rules: readonly Rule[];
}

/**
 * A network interface: the addresses flow logs report for it and the groups attached to
 * it. Evidence on an interface is attributed only to that interface's groups.
 */
export interface NetworkInterface {
  readonly interfaceId: string;
  readonly addresses: readonly Ipv4[];
  readonly groupIds: readonly string[];
  readonly subnetId?: string;
  readonly vpcId?: string;
  readonly interfaceType?: string;
}

/** Everything the planner needs to know about an estate at one moment. */
export interface Inventory {
  readonly groups: readonly SecurityGroup[];
  readonly interfaces: readonly NetworkInterface[];
  /** The inbound IPv4 rule quota per group; a group may override it (`quotaByGroup`). */
  readonly defaultQuota: number;
  readonly quotaByGroup?: Readonly<Record<string, number>>;
}
