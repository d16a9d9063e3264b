import { TCP, UDP } from "../../rule/protocol.js";
import {
  ABSENT_VALUE as ABSENT,
  ACTION_CODE,
  DIRECTION_CODE,
  LOG_STATUS_CODE,
} from "./scanned-fields.js";
import type { ScannedRecord } from "./scanned-record.js";

const SYN = 2;
const ACK = 16;

/**
 * {@link isInboundEvidence} for a {@link ScannedRecord}: whether an accepted connection was
 * opened by the record's source. The same rules, read from the numeric codes: SYN without
 * ACK marks the opener, otherwise the side on the higher port opened, and records whose
 * legs cannot be told apart (equal ports, or a protocol without ports) count, so that
 * connectivity wins. A property test proves the two agree on every generated line.
 *
 * @example isInboundScanned(scanner.record) // after scanning an ACCEPT SYN to port 22: true
 */
export const isInboundScanned = (record: ScannedRecord): boolean => {
  const status = record.logStatus;
  if (record.action !== ACTION_CODE.ACCEPT || (status !== ABSENT && status !== LOG_STATUS_CODE.OK))
    return false;
  if (record.flowDirection === DIRECTION_CODE.egress) return false;

  const { protocol, srcport, dstport } = record;
  if ((protocol !== TCP && protocol !== UDP) || srcport === ABSENT || dstport === ABSENT) {
    return protocol !== TCP && protocol !== UDP && protocol !== ABSENT;
  }

  const flags = record.tcpFlags;
  if (protocol === TCP && flags !== ABSENT && (flags & SYN) !== 0) return (flags & ACK) === 0;
  return dstport <= srcport;
};
