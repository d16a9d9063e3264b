import type { Ipv4 } from "../address/ipv4.js";
import type { Protocol } from "../rule/protocol.js";

/**
 * Traffic as a network ACL sees it, from the subnet's side: its direction, its protocol,
 * the port it is addressed to (tcp and udp) or its ICMP type and code, and the address at
 * the far end (the source of inbound traffic, the destination of outbound traffic).
 */
export interface NaclTraffic {
  readonly direction: "inbound" | "outbound";
  readonly protocol: Protocol;
  readonly port?: number;
  readonly icmp?: { readonly type: number; readonly code: number };
  readonly address: Ipv4;
}

/**
 * What a network ACL decides for some traffic: the action, and the entry that decided it;
 * no entry when nothing matched and the implicit default deny applies.
 */
export interface NaclVerdict {
  readonly action: "allow" | "deny";
  readonly ruleNumber?: number;
}
