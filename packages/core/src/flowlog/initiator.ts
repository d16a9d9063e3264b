import { TCP, UDP } from "../rule/protocol.js";
import type { FlowLogRecord } from "./record.js";

/**
 * Which end of a record opened the connection: its `srcaddr` side, its `dstaddr` side, or
 * neither can be told. The other end is the service, the side a rule must admit.
 */
export type Initiator = "source" | "destination" | "unknown";

const SYN = 2;
const ACK = 16;

/**
 * The port heuristic, for records without a SYN. Services listen on the lower port:
 * a well-known port (below 1024) facing a higher one is the service, and an ephemeral port
 * (32768-65535, where Linux and Windows pick client ports) marks the other side as the
 * service. Both rules, and the fallback "the lower port is the service", always pick the
 * lower of two different ports, so one comparison states them all. Equal ports (NTP
 * 123-123, IKE 500-500) say nothing.
 */
const initiatorByPorts = (srcport: number, dstport: number): Initiator => {
  if (srcport === dstport) return "unknown";
  return dstport < srcport ? "source" : "destination";
};

/**
 * Tells which side of a record initiated its connection. Security groups are stateful, so
 * only the initiator's direction needs a rule; the reply leg passes by connection tracking.
 *
 * - Protocols other than TCP and UDP, or a record without both ports: `"unknown"`. ICMP
 *   and the rest carry no ports to reason from.
 * - TCP with `tcp-flags` holding SYN (2): without the ACK bit of SYN-ACK (18 = 16 | 2), the
 *   source sent the opening SYN and initiated; this covers 2, 3 (with FIN) and 6 or 7
 *   (with RST). With it (18, 19, 22, …) this record is the reply leg and the destination
 *   initiated. Flags are OR-ed over the aggregation interval, which keeps these readings.
 * - Otherwise (UDP, version 2 records without flags, or TCP flags without SYN, as on a
 *   long-lived connection's later intervals), the port heuristic: the lower port is the
 *   service, so the side on the higher port initiated; equal ports give `"unknown"`.
 *
 * @example
 * initiatorOf({ protocol: 6, srcport: 43416, dstport: 5001, tcpFlags: 2 }) // "source"
 * initiatorOf({ protocol: 6, srcport: 5001, dstport: 43416, tcpFlags: 18 }) // "destination"
 */
export const initiatorOf = (record: FlowLogRecord): Initiator =>
  initiatorFrom(record.protocol, record.srcport, record.dstport, record.tcpFlags);

/**
 * {@link initiatorOf} on the four fields it reads, `undefined` where a record lacks one: for
 * readers that hold records as numbers (the byte scanner), without building a record.
 */
export const initiatorFrom = (
  protocol: number | undefined,
  srcport: number | undefined,
  dstport: number | undefined,
  tcpFlags: number | undefined,
): Initiator => {
  if ((protocol !== TCP && protocol !== UDP) || srcport === undefined || dstport === undefined) {
    return "unknown";
  }

  if (protocol === TCP && tcpFlags !== undefined && (tcpFlags & SYN) !== 0) {
    return (tcpFlags & ACK) === 0 ? "source" : "destination";
  }
  return initiatorByPorts(srcport, dstport);
};
