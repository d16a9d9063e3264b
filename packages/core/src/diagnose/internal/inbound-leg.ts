import { isInboundEvidence } from "../../flowlog/inbound-evidence.js";
import type { FlowLogRecord } from "../../flowlog/record.js";

/**
 * Whether the record, were it accepted, would count as evidence for an inbound rule. A
 * rejected record is a blocked attempt exactly when the traffic it refused is what an
 * inbound rule decides: the same legs, directions and log statuses, so diagnose and
 * analyse can never disagree about which leg of a connection a rule must admit.
 */
export const inboundLegAccepted = (record: FlowLogRecord): boolean =>
  isInboundEvidence({ ...record, action: "ACCEPT" });
