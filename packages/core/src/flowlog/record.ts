import { err, ok, type Result } from "../result.js";
import type { Protocol } from "../rule/protocol.js";
import { emptyDraft } from "./internal/draft.js";
import { IGNORED_SLOT, fillSlot } from "./internal/fill.js";
import { endOfContent, firstNonBlank, isDash, skipSpaces } from "./internal/scan.js";
import type { IpAddress } from "./ip-address.js";
import type { FlowLogLayout } from "./layout.js";

/** Whether the security group and network ACL let the traffic through. */
export type Action = "ACCEPT" | "REJECT";

/**
 * `OK` for a record of traffic; `NODATA` when the interface saw none in the interval;
 * `SKIPDATA` when AWS dropped records for capacity reasons (one line may stand for many
 * flows). The last two carry `-` in every traffic field.
 */
export type LogStatus = "OK" | "NODATA" | "SKIPDATA";

/** The direction of the traffic relative to the logged interface (version 5). */
export type FlowDirection = "ingress" | "egress";

/**
 * One flow-log record, holding the fields the tool uses. A property is `undefined` when the
 * layout lacks the field or the record shows `-` for it. Times are Unix seconds; addresses
 * are typed by family; the field names in the comments are AWS's.
 */
export interface FlowLogRecord {
  readonly version?: number;
  /** `account-id`; AWS writes `unknown` for some service-created interfaces. */
  readonly accountId?: string;
  readonly interfaceId?: string;
  /** The interface's primary private IP on its own side; see `pktSrcaddr` for relays. */
  readonly srcaddr?: IpAddress;
  readonly dstaddr?: IpAddress;
  readonly srcport?: number;
  readonly dstport?: number;
  readonly protocol?: Protocol;
  readonly packets?: number;
  readonly bytes?: number;
  readonly start?: number;
  readonly end?: number;
  readonly action?: Action;
  readonly logStatus?: LogStatus;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly instanceId?: string;
  /** OR of FIN=1, SYN=2, RST=4 and SYN-ACK=18 seen in the interval. */
  readonly tcpFlags?: number;
  /** `IPv4`, `IPv6` or `EFA`, kept as written. */
  readonly type?: string;
  readonly pktSrcaddr?: IpAddress;
  readonly pktDstaddr?: IpAddress;
  readonly region?: string;
  readonly azId?: string;
  readonly pktSrcAwsService?: string;
  readonly pktDstAwsService?: string;
  readonly flowDirection?: FlowDirection;
  /** Egress only: 1 same VPC, 2 IGW or gateway endpoint, 3 VGW, 4-5 peering, … */
  readonly trafficPath?: number;
  /** `BPA` when VPC Block Public Access rejected the traffic. */
  readonly rejectReason?: string;
}

/** Why a line is not a record of the layout; `reason` quotes the offending field. */
export interface MalformedRecord {
  readonly reason: string;
}

const fieldCount = (line: string): number => {
  const content = line.slice(firstNonBlank(line), endOfContent(line));
  return content === "" ? 0 : content.split(/ +/).length;
};

const countMismatch = (count: number, layout: FlowLogLayout): MalformedRecord => ({
  reason: `has ${count} fields, the layout names ${layout.fields.length}`,
});

/** A miscounted line is reported as such, even when a shifted field failed to read first. */
const badField = (
  line: string,
  layout: FlowLogLayout,
  column: number,
  token: string,
  problem: string,
): MalformedRecord => {
  const count = fieldCount(line);
  return count === layout.fields.length
    ? { reason: `field ${layout.fields[column]} "${token}" ${problem}` }
    : countMismatch(count, layout);
};

/**
 * Parses one line of a flow log against its layout. Fields are separated by one or more
 * spaces; surrounding whitespace and a trailing `\r` are ignored. Validates what the tool
 * relies on: the field count, integer ranges (ports 0-65535, protocol and flags 0-255,
 * counts and times 0 or above), addresses of either family, and the `action`,
 * `log-status` and `flow-direction` vocabularies. `-` in any field means absent.
 *
 * Never throws: a bad line yields a {@link MalformedRecord}. Built for tens of millions of
 * lines: one pass over the characters, no regular expressions, one object per record.
 *
 * @example parseFlowLogRecord(
 *   "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 " +
 *     "1418530010 1418530070 ACCEPT OK",
 *   DEFAULT_LAYOUT,
 * ) // { ok: true, value: { dstport: 22, action: "ACCEPT", … } }
 */
export const parseFlowLogRecord = (
  line: string,
  layout: FlowLogLayout,
): Result<FlowLogRecord, MalformedRecord> => {
  const { slots } = layout;
  const end = endOfContent(line);
  const draft = emptyDraft();

  let start = firstNonBlank(line);
  for (let column = 0; column < slots.length; column += 1) {
    if (start >= end) return err(countMismatch(fieldCount(line), layout));

    const space = line.indexOf(" ", start);
    const stop = space < 0 || space > end ? end : space;
    const slot = slots[column] ?? IGNORED_SLOT;
    if (slot !== IGNORED_SLOT && !isDash(line, start, stop)) {
      const problem = fillSlot(draft, slot, line, start, stop);
      if (problem !== undefined) {
        return err(badField(line, layout, column, line.slice(start, stop), problem));
      }
    }
    start = skipSpaces(line, stop);
  }

  return start < end ? err(countMismatch(fieldCount(line), layout)) : ok(draft);
};
