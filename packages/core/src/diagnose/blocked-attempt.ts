import { inboundLegAccepted } from "./internal/inbound-leg.js";
import { TCP } from "../rule/protocol.js";
import type { FlowLogRecord } from "../flowlog/record.js";

const FIN = 1;
const SYN = 2;
const RST = 4;

/**
 * Whether a record shows a blocked connection attempt: a REJECT of traffic that, had it
 * been accepted, would be evidence for an inbound rule (the initiating leg, logged on the
 * way in, with `log-status` OK). What REJECTs also carry, and this leaves out:
 * - return legs (the reply to a connection the interface opened, or a SYN-ACK);
 * - late packets of a closed TCP connection: `tcp-flags` with FIN or RST and no SYN,
 *   which EC2 rejects once the connection is gone (aws-facts §6);
 * - NODATA and SKIPDATA lines, and egress records.
 *
 * Like {@link isInboundEvidence}, it does not check that the destination is the logged
 * interface's own address; the caller matches `dstaddr` against the interface.
 *
 * @example
 * isBlockedAttempt({ action: "REJECT", protocol: 6, srcport: 40000, dstport: 443, tcpFlags: 2 })
 * // true
 */
export const isBlockedAttempt = (record: FlowLogRecord): boolean =>
  record.action === "REJECT" && !isLatePacket(record) && inboundLegAccepted(record);

const isLatePacket = ({ protocol, tcpFlags }: FlowLogRecord): boolean =>
  protocol === TCP &&
  tcpFlags !== undefined &&
  (tcpFlags & (FIN | RST)) !== 0 &&
  (tcpFlags & SYN) === 0;
