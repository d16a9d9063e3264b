/**
 * Reading VPC flow logs: the field vocabulary, a file's layout, one record per line, and
 * which side of a record opened its connection.
 */
export {
  FLOW_LOG_FIELDS,
  REQUIRED_FIELDS,
  normaliseFieldName,
  type FlowLogField,
} from "./fields.js";
export { formatIpAddress, parseIpAddress, type IpAddress } from "./ip-address.js";
export {
  DEFAULT_LAYOUT,
  describeLayoutError,
  parseLayout,
  type FlowLogLayout,
  type LayoutError,
} from "./layout.js";
export { isHeaderLine } from "./header.js";
export {
  parseFlowLogRecord,
  type Action,
  type FlowDirection,
  type FlowLogRecord,
  type LogStatus,
  type MalformedRecord,
} from "./record.js";
export { initiatorOf, type Initiator } from "./initiator.js";
export { isInboundEvidence } from "./inbound-evidence.js";
