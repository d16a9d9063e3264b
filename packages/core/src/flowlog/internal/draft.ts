import type { FlowLogRecord } from "../record.js";

/** A record under construction: a writable {@link FlowLogRecord}. */
export type RecordDraft = { -readonly [K in keyof FlowLogRecord]: FlowLogRecord[K] };

/**
 * A draft with every field absent. Listing every property up front gives every record the
 * same hidden class, which keeps the parser's property stores monomorphic.
 */
export const emptyDraft = (): RecordDraft => ({
  version: undefined,
  accountId: undefined,
  interfaceId: undefined,
  srcaddr: undefined,
  dstaddr: undefined,
  srcport: undefined,
  dstport: undefined,
  protocol: undefined,
  packets: undefined,
  bytes: undefined,
  start: undefined,
  end: undefined,
  action: undefined,
  logStatus: undefined,
  vpcId: undefined,
  subnetId: undefined,
  instanceId: undefined,
  tcpFlags: undefined,
  type: undefined,
  pktSrcaddr: undefined,
  pktDstaddr: undefined,
  region: undefined,
  azId: undefined,
  pktSrcAwsService: undefined,
  pktDstAwsService: undefined,
  flowDirection: undefined,
  trafficPath: undefined,
  rejectReason: undefined,
});
