import { formatCidr } from "../address/cidr.js";
import { formatProtocol, hasPorts } from "./protocol.js";
import type { PortRange, Rule, RuleSource } from "./rule.js";

/** A source in the short form reports use: a CIDR, `pl-…` or `sg-…`. */
export const formatSource = (source: RuleSource): string => {
  switch (source.kind) {
    case "cidr":
      return formatCidr(source.cidr);
    case "prefix-list":
      return source.prefixListId;
    case "group":
      return source.userId === undefined ? source.groupId : `${source.userId}/${source.groupId}`;
  }
};

/** Formats the ports of a rule: `443`, `1024-2048`, `all`, or `icmp 8/0`. */
export const formatPorts = (protocol: number, ports: PortRange | undefined): string => {
  if (!hasPorts(protocol) || ports === undefined || (ports.from === -1 && ports.to === -1)) {
    return "all";
  }
  if (ports.from === 0 && ports.to === 65535) {
    return "all";
  }
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
};

/** What traffic a rule admits, without its source: `tcp/443`, `udp/all`, `all`. */
export const formatTraffic = (rule: Pick<Rule, "protocol" | "ports">): string =>
  rule.protocol === -1
    ? "all"
    : `${formatProtocol(rule.protocol)}/${formatPorts(rule.protocol, rule.ports)}`;

/**
 * A string that identifies a rule by what it admits (protocol, ports, source), the way EC2
 * decides that two rules are duplicates. Descriptions and ids are not part of it.
 */
export const ruleKey = (rule: Pick<Rule, "protocol" | "ports" | "source">): string => {
  const ports = hasPorts(rule.protocol) && rule.ports ? `${rule.ports.from}:${rule.ports.to}` : "*";
  return `${rule.protocol}|${ports}|${formatSource(rule.source)}`;
};

/** A one-line description of a rule for reports: `sgr-1 tcp/443 from 10.0.0.0/16`. */
export const describeRule = (rule: Rule): string => {
  const id = rule.ruleId === undefined ? "" : `${rule.ruleId} `;
  return `${id}${formatTraffic(rule)} from ${formatSource(rule.source)}`;
};
