/**
 * Reading flow-log records straight from bytes: a scanner that fills a reusable numeric
 * record instead of building strings and objects, and the header and evidence tests it
 * needs, each proven to agree with its text counterpart.
 */
export { RecordScanner } from "./record-scanner.js";
export { ScannedRecord } from "./scanned-record.js";
export {
  ABSENT_VALUE,
  ACTION_CODE,
  DIRECTION_CODE,
  IPV6_VALUE,
  LOG_STATUS_CODE,
  SCANNED_ADDRESS_FIELDS,
  SCANNED_TEXT_FIELDS,
  textSpanOf,
  type TextField,
} from "./scanned-fields.js";
export { toFlowLogRecord } from "./scanned-to-record.js";
export { isInboundScanned } from "./inbound-scanned.js";
export { isHeaderBytes } from "./header-bytes.js";
export type { Utf8Decode } from "./utf8-decode.js";
