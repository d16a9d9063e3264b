import { TCP, UDP } from "../rule/protocol.js";
import { initiatorFrom } from "./initiator.js";
import type { FlowLogRecord } from "./record.js";

/**
 * Whether a record is evidence that an inbound rule at its destination admitted its source:
 * an accepted connection that the source opened. The governing rule is that return traffic
 * is never evidence for an inbound rule, because connection tracking, not a rule, let it in.
 *
 * True exactly when all of these hold:
 * - `action` is `ACCEPT`;
 * - `log-status` is `OK`, or the layout does not record it;
 * - `flow-direction` is not `egress` (egress records leave the logged interface);
 * - {@link initiatorOf} says `"source"`, or says `"unknown"` for want of anything to
 *   tell the legs apart: TCP or UDP with equal ports (IKE 500-500, NTP 123-123), or a
 *   protocol without ports (ICMP, ESP, GRE). Counting such a record keeps its source
 *   admitted; leaving it out would let an "all traffic" rule be tightened past a peer
 *   that only pings or tunnels. When the legs cannot be told apart, connectivity wins.
 *
 * TCP or UDP records without ports are not evidence: nothing says which side opened them.
 *
 * It does not check that the destination is the logged interface. Version 2 records have
 * no `flow-direction`, so the caller must match `dstaddr` against the interface's own
 * addresses before counting the record for that interface's groups.
 *
 * @example isInboundEvidence({ action: "ACCEPT", logStatus: "OK", protocol: 6,
 *   srcport: 20641, dstport: 22 }) // true
 */
export const isInboundEvidence = (record: FlowLogRecord): boolean => {
  const { action, logStatus, flowDirection } = record;
  if (action !== "ACCEPT" || (logStatus !== undefined && logStatus !== "OK")) return false;
  if (flowDirection === "egress") return false;

  return sourceOpened(record.protocol, record.srcport, record.dstport, record.tcpFlags);
};

/**
 * The last test of {@link isInboundEvidence}, on the four fields it reads (`undefined`
 * where missing), for readers that hold records as numbers (the byte scanner): whether the
 * source opened the connection, or nothing can tell its two legs apart.
 */
export const sourceOpened = (
  protocol: number | undefined,
  srcport: number | undefined,
  dstport: number | undefined,
  tcpFlags: number | undefined,
): boolean => {
  const initiator = initiatorFrom(protocol, srcport, dstport, tcpFlags);
  if (initiator !== "unknown") return initiator === "source";

  if (protocol !== TCP && protocol !== UDP) return protocol !== undefined;
  return srcport !== undefined && srcport === dstport;
};
