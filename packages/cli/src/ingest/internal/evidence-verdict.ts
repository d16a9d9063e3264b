import {
  ABSENT_VALUE,
  ACTION_CODE,
  DIRECTION_CODE,
  IPV6_VALUE,
  LOG_STATUS_CODE,
  isInboundScanned,
  isRfc1918Address,
  type ScannedRecord,
  type TimeWindow,
} from "@sg/core";
import { SKIP_REASONS } from "../../commands/analyse/evidence-tally.js";

/** A record to keep as evidence. */
export const KEEP = -1;

const reason = (name: (typeof SKIP_REASONS)[number]): number => SKIP_REASONS.indexOf(name);
const NO_DATA = reason("no-data");
const REJECTED = reason("rejected");
const INCOMPLETE = reason("incomplete");
const OUTSIDE_WINDOW = reason("outside-window");
const EGRESS = reason("egress");
const RETURN_TRAFFIC = reason("return-traffic");
const IPV6 = reason("ipv6");
const PUBLIC_SOURCE = reason("public-source");

/** The address that opened the flow: `pkt-srcaddr` when the record has one. */
export const sourceOf = (record: ScannedRecord): number =>
  record.pktSrcaddr === ABSENT_VALUE ? record.srcaddr : record.pktSrcaddr;

/**
 * Whether a scanned record is evidence, and if not why: {@link KEEP}, or the index of its
 * reason in {@link SKIP_REASONS}. The same tests in the same order as the text path's
 * (`readEvidence`), read from a {@link ScannedRecord}; `interfaceStart` is where the
 * record's interface id starts, -1 when it has none.
 */
export const evidenceVerdict = (
  record: ScannedRecord,
  interfaceStart: number,
  window: TimeWindow,
): number => {
  const status = record.logStatus;
  if (status === LOG_STATUS_CODE.NODATA || status === LOG_STATUS_CODE.SKIPDATA) return NO_DATA;
  if (record.action === ACTION_CODE.REJECT) return REJECTED;

  const source = sourceOf(record);
  const { dstaddr, start, end } = record;
  if (source === ABSENT_VALUE || dstaddr === ABSENT_VALUE || interfaceStart < 0) return INCOMPLETE;
  if (start === ABSENT_VALUE || end === ABSENT_VALUE || record.protocol === ABSENT_VALUE) {
    return INCOMPLETE;
  }
  if (end < window.from || start > window.to) return OUTSIDE_WINDOW;
  if (record.flowDirection === DIRECTION_CODE.egress) return EGRESS;
  if (!isInboundScanned(record)) return RETURN_TRAFFIC;
  if (source === IPV6_VALUE || dstaddr === IPV6_VALUE) return IPV6;
  if (!isRfc1918Address(source)) return PUBLIC_SOURCE;
  return KEEP;
};
