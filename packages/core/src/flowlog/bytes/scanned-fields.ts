/**
 * How a {@link ScannedRecord} codes each field of a flow-log record as a number: absent
 * values, IPv6 addresses, the words of `action`, `log-status` and `flow-direction`, and
 * where the located (not decoded) free-text and address fields sit.
 */

/** A numeric field the layout lacks or the line shows as `-`. */
export const ABSENT_VALUE = -1;

/** An address field holding an IPv6 address, which {@link ScannedRecord.wide} carries. */
export const IPV6_VALUE = -2;

/** The codes `action` holds when present. */
export const ACTION_CODE = { ACCEPT: 1, REJECT: 2 } as const;

/** The codes `logStatus` holds when present. */
export const LOG_STATUS_CODE = { OK: 1, NODATA: 2, SKIPDATA: 3 } as const;

/** The codes `flowDirection` holds when present. */
export const DIRECTION_CODE = { ingress: 1, egress: 2 } as const;

/** The four address fields, in the order of {@link ScannedRecord.wide}. */
export const SCANNED_ADDRESS_FIELDS = ["srcaddr", "dstaddr", "pktSrcaddr", "pktDstaddr"] as const;

/** The free-text fields, whose bytes are located but never decoded by the scanner. */
export const SCANNED_TEXT_FIELDS = [
  "accountId",
  "interfaceId",
  "vpcId",
  "subnetId",
  "instanceId",
  "type",
  "region",
  "azId",
  "pktSrcAwsService",
  "pktDstAwsService",
  "rejectReason",
] as const;

/** The name of one free-text field, as {@link FlowLogRecord} spells it. */
export type TextField = (typeof SCANNED_TEXT_FIELDS)[number];

/** Where the bytes of `field` start in `spans`; the stop follows at the next index. */
export const textSpanOf = (field: TextField): number => SCANNED_TEXT_FIELDS.indexOf(field) * 2;
