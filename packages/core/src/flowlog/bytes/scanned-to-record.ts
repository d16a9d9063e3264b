import type { IpAddress } from "../ip-address.js";
import { emptyDraft } from "../internal/draft.js";
import type { Action, FlowDirection, FlowLogRecord, LogStatus } from "../record.js";
import {
  ABSENT_VALUE,
  ACTION_CODE,
  DIRECTION_CODE,
  IPV6_VALUE,
  LOG_STATUS_CODE,
  SCANNED_ADDRESS_FIELDS,
  SCANNED_TEXT_FIELDS,
} from "./scanned-fields.js";
import type { ScannedRecord } from "./scanned-record.js";
import type { Utf8Decode } from "./utf8-decode.js";

const numberOf = (value: number): number | undefined =>
  value === ABSENT_VALUE ? undefined : value;

/** The word whose code `codes` gives as `code`, or `undefined` for an absent field. */
const wordOf = <W extends string>(
  codes: Readonly<Record<W, number>>,
  code: number,
): W | undefined => (Object.keys(codes) as W[]).find((word) => codes[word] === code);

const addressOf = (
  record: ScannedRecord,
  field: (typeof SCANNED_ADDRESS_FIELDS)[number],
): IpAddress | undefined => {
  const value = record[field];
  if (value === ABSENT_VALUE) return undefined;
  if (value === IPV6_VALUE) return record.wide[SCANNED_ADDRESS_FIELDS.indexOf(field)];
  return { family: "ipv4", value };
};

/**
 * The {@link FlowLogRecord} that a {@link ScannedRecord} stands for, with its free text
 * decoded from the `bytes` it was scanned from: exactly what {@link parseFlowLogRecord}
 * returns for the same line. For the few records a caller needs whole, and for proving
 * that the byte scanner and the text parser agree.
 */
export const toFlowLogRecord = (
  record: ScannedRecord,
  bytes: Uint8Array,
  decode: Utf8Decode,
): FlowLogRecord => {
  const draft = emptyDraft();
  draft.version = numberOf(record.version);
  draft.srcport = numberOf(record.srcport);
  draft.dstport = numberOf(record.dstport);
  draft.protocol = numberOf(record.protocol);
  draft.packets = numberOf(record.packets);
  draft.bytes = numberOf(record.bytes);
  draft.start = numberOf(record.start);
  draft.end = numberOf(record.end);
  draft.tcpFlags = numberOf(record.tcpFlags);
  draft.trafficPath = numberOf(record.trafficPath);

  draft.action = wordOf<Action>(ACTION_CODE, record.action);
  draft.logStatus = wordOf<LogStatus>(LOG_STATUS_CODE, record.logStatus);
  draft.flowDirection = wordOf<FlowDirection>(DIRECTION_CODE, record.flowDirection);
  for (const field of SCANNED_ADDRESS_FIELDS) draft[field] = addressOf(record, field);

  SCANNED_TEXT_FIELDS.forEach((field, index) => {
    const start = record.spans[index * 2]!;
    draft[field] = start < 0 ? undefined : decode(bytes, start, record.spans[index * 2 + 1]!);
  });
  return draft;
};
