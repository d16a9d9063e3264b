import type { Ipv4 } from "../address/ipv4.js";
import type { Protocol } from "../rule/protocol.js";

/**
 * Where a piece of evidence came from: read from flow logs, merged from a `diagnose`
 * finding, or folded back from an `extend` manifest so tightening keeps what extend added.
 */
export type Provenance = "flow-logs" | "diagnose" | "extend";

/**
 * One observed tuple: `source` initiated connections that were accepted on interface
 * `interfaceId` at `destination`, on `protocol`/`port`. Times are Unix seconds; `count`
 * is the number of flow records that showed it.
 */
export interface EvidenceEntry {
  readonly interfaceId: string;
  readonly destination: Ipv4;
  readonly protocol: Protocol;
  readonly port: number;
  readonly source: Ipv4;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
  readonly provenance: readonly Provenance[];
}

/** An inclusive time window in Unix seconds. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * Whether an entry was seen inside the window. Only first and last sightings are kept,
 * so an entry counts when its sightings span any part of the window.
 */
export const seenWithin = (entry: EvidenceEntry, window: TimeWindow): boolean =>
  entry.lastSeen >= window.from && entry.firstSeen <= window.to;
