import { blockContains } from "../../address/ipv4-cidr.js";
import { ALL_PROTOCOLS, ICMP, TCP, UDP } from "../../rule/protocol.js";
import type { PortRange } from "../../rule/rule.js";
import type { NaclEntry } from "../nacl-entry.js";
import type { NaclTraffic } from "../nacl-traffic.js";

const portMatches = (range: PortRange | undefined, port: number | undefined): boolean =>
  range === undefined || (port !== undefined && port >= range.from && port <= range.to);

const icmpMatches = (entry: NaclEntry, traffic: NaclTraffic): boolean => {
  const wanted = entry.icmpTypeCode;
  if (wanted === undefined || wanted.type === -1) return true;

  const seen = traffic.icmp;
  if (seen === undefined || seen.type !== wanted.type) return false;
  return wanted.code === -1 || wanted.code === seen.code;
};

const protocolMatches = (entry: NaclEntry, traffic: NaclTraffic): boolean => {
  if (entry.protocol === ALL_PROTOCOLS) return true;
  if (entry.protocol !== traffic.protocol) return false;

  if (entry.protocol === TCP || entry.protocol === UDP) {
    return portMatches(entry.portRange, traffic.port);
  }
  return entry.protocol === ICMP ? icmpMatches(entry, traffic) : true;
};

/**
 * Whether one entry matches the traffic: same direction, an IPv4 block holding the remote
 * address, and the protocol, ports or ICMP type and code. A port range or ICMP type the
 * traffic does not state cannot be matched, so such an entry is passed over.
 */
export const entryMatches = (entry: NaclEntry, traffic: NaclTraffic): boolean =>
  entry.egress === (traffic.direction === "outbound") &&
  entry.cidrBlock !== undefined &&
  blockContains(entry.cidrBlock, traffic.address) &&
  protocolMatches(entry, traffic);
