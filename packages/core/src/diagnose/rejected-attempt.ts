import type { Ipv4 } from "../address/ipv4.js";
import type { Protocol } from "../rule/protocol.js";

/**
 * Connection attempts that were REJECTed: `source` tried to open connections to
 * `destination` on interface `interfaceId`, on `protocol`/`port`, and flow logs recorded
 * `count` rejected records between `firstSeen` and `lastSeen` (Unix seconds). The same
 * tuple as an evidence entry, for traffic that was refused instead of accepted.
 */
export interface RejectedAttempt {
  readonly interfaceId: string;
  readonly destination: Ipv4;
  readonly protocol: Protocol;
  /** The destination port for tcp and udp; 0 for protocols without ports. */
  readonly port: number;
  readonly source: Ipv4;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
}

/** The canonical order of attempts: interface, destination, protocol, port, source. */
export const compareAttempts = (a: RejectedAttempt, b: RejectedAttempt): number =>
  (a.interfaceId < b.interfaceId ? -1 : a.interfaceId > b.interfaceId ? 1 : 0) ||
  a.destination - b.destination ||
  a.protocol - b.protocol ||
  a.port - b.port ||
  a.source - b.source;
