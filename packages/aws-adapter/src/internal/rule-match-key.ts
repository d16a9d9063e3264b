import { formatSource, hasPorts, type PortRange, type Protocol, type Rule } from "@sg/core";

/**
 * Identifies what a rule admits apart from its source: the protocol and the ports EC2
 * honours for it. Ports of -1/-1 (all ICMP types) key the same as no ports, since the two
 * exports write "all" differently.
 */
export const trafficKey = (protocol: Protocol, ports: PortRange | undefined): string => {
  const allPorts = ports === undefined || (ports.from === -1 && ports.to === -1);
  return hasPorts(protocol) && !allPorts
    ? `${protocol}|${ports.from}:${ports.to}`
    : `${protocol}|*`;
};

/**
 * Identifies a rule within the estate by group and by what it admits, the way EC2 finds
 * duplicates and matches a revoked IpPermission. A referenced group is keyed by its id
 * alone, since one export may name its owner and the other not.
 */
export const ruleMatchKey = (rule: Rule): string => {
  const { source } = rule;
  const sourceKey = source.kind === "group" ? source.groupId : formatSource(source);
  return `${rule.groupId}|${trafficKey(rule.protocol, rule.ports)}|${sourceKey}`;
};
