import { ICMP, ICMPV6, hasPorts, type Protocol } from "./protocol.js";
import type { Rule } from "./rule.js";

/**
 * Whether the rule's protocol and ports admit a flow on `protocol` to `port`, ignoring
 * the source. ICMP flows carry no port in flow logs, so any ICMP rule admits them.
 */
export const admitsTraffic = (rule: Rule, protocol: Protocol, port: number): boolean => {
  if (rule.protocol === -1) {
    return true;
  }
  if (rule.protocol !== protocol) {
    return false;
  }
  if (!hasPorts(protocol) || rule.ports === undefined || protocol === ICMP || protocol === ICMPV6) {
    return true;
  }
  return port >= rule.ports.from && port <= rule.ports.to;
};
