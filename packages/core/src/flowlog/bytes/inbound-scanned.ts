import { sourceOpened } from "../inbound-evidence.js";
import {
  ABSENT_VALUE as ABSENT,
  ACTION_CODE,
  DIRECTION_CODE,
  LOG_STATUS_CODE,
} from "./scanned-fields.js";
import type { ScannedRecord } from "./scanned-record.js";

/**
 * {@link isInboundEvidence} for a {@link ScannedRecord}: whether an accepted connection was
 * opened by the record's source. The same checks on the numeric codes, then the same
 * {@link sourceOpened}; a property test proves the two agree on every generated line.
 *
 * @example isInboundScanned(scanner.record) // after scanning an ACCEPT SYN to port 22: true
 */
export const isInboundScanned = (record: ScannedRecord): boolean => {
  const status = record.logStatus;
  if (record.action !== ACTION_CODE.ACCEPT || (status !== ABSENT && status !== LOG_STATUS_CODE.OK))
    return false;
  if (record.flowDirection === DIRECTION_CODE.egress) return false;

  return sourceOpened(
    present(record.protocol),
    present(record.srcport),
    present(record.dstport),
    present(record.tcpFlags),
  );
};

const present = (value: number): number | undefined => (value === ABSENT ? undefined : value);
