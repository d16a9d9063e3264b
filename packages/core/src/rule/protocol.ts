import { err, ok, type Result } from "../result.js";

/**
 * An IP protocol as its IANA number, with -1 for "all protocols" as EC2 writes it. Rules
 * arrive with names (`tcp`) and flow logs with numbers (`6`); both normalise to this.
 */
export type Protocol = number;

/** EC2's "all protocols" value. */
export const ALL_PROTOCOLS: Protocol = -1;

/** IANA protocol numbers the tool names. */
export const TCP: Protocol = 6;
export const UDP: Protocol = 17;
export const ICMP: Protocol = 1;
export const ICMPV6: Protocol = 58;

const NAMES: ReadonlyMap<string, Protocol> = new Map([
  ["tcp", TCP],
  ["udp", UDP],
  ["icmp", ICMP],
  ["icmpv6", ICMPV6],
  ["all", ALL_PROTOCOLS],
]);

/** Parses a protocol as EC2 or a flow log writes it: a name, a number 0-255, or `-1`. */
export const parseProtocol = (text: string): Result<Protocol, string> => {
  const named = NAMES.get(text.toLowerCase());
  if (named !== undefined) {
    return ok(named);
  }
  if (/^(-1|0|[1-9][0-9]{0,2})$/.test(text) && Number(text) <= 255) {
    return ok(Number(text));
  }
  return err(`protocol "${text}" is not tcp, udp, icmp, icmpv6, -1 or a number 0-255`);
};

/** Formats a protocol the way EC2 reports it: a name where it has one, else the number. */
export const formatProtocol = (protocol: Protocol): string => {
  for (const [name, value] of NAMES) {
    if (value === protocol && name !== "all") return name;
  }
  return String(protocol);
};

/**
 * Whether EC2 honours a port range for this protocol. For every other protocol, and for
 * -1, a rule opens all ports whatever range it names.
 */
export const hasPorts = (protocol: Protocol): boolean =>
  protocol === TCP || protocol === UDP || protocol === ICMP || protocol === ICMPV6;
