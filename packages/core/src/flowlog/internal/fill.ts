import { isFlowLogField, type FlowLogField } from "../fields.js";
import { parseIpAddress, type IpAddress } from "../ip-address.js";
import type { RecordDraft } from "./draft.js";
import { NUMBER_RULES, WORD_PROBLEMS, type NumberRule } from "./field-rules.js";
import { matchWord, readIpv4, readUnsigned } from "./scan.js";

/**
 * Which property of the record a column fills. The layout stores one slot per column so
 * that the parser dispatches on a small integer instead of comparing field names.
 */
const enum Slot {
  Ignored,
  Version,
  AccountId,
  InterfaceId,
  Srcaddr,
  Dstaddr,
  Srcport,
  Dstport,
  Protocol,
  Packets,
  Bytes,
  Start,
  End,
  Action,
  LogStatus,
  VpcId,
  SubnetId,
  InstanceId,
  TcpFlags,
  Type,
  PktSrcaddr,
  PktDstaddr,
  Region,
  AzId,
  PktSrcAwsService,
  PktDstAwsService,
  FlowDirection,
  TrafficPath,
  RejectReason,
}

const SLOT_OF: Readonly<Partial<Record<FlowLogField, Slot>>> = {
  version: Slot.Version,
  "account-id": Slot.AccountId,
  "interface-id": Slot.InterfaceId,
  srcaddr: Slot.Srcaddr,
  dstaddr: Slot.Dstaddr,
  srcport: Slot.Srcport,
  dstport: Slot.Dstport,
  protocol: Slot.Protocol,
  packets: Slot.Packets,
  bytes: Slot.Bytes,
  start: Slot.Start,
  end: Slot.End,
  action: Slot.Action,
  "log-status": Slot.LogStatus,
  "vpc-id": Slot.VpcId,
  "subnet-id": Slot.SubnetId,
  "instance-id": Slot.InstanceId,
  "tcp-flags": Slot.TcpFlags,
  type: Slot.Type,
  "pkt-srcaddr": Slot.PktSrcaddr,
  "pkt-dstaddr": Slot.PktDstaddr,
  region: Slot.Region,
  "az-id": Slot.AzId,
  "pkt-src-aws-service": Slot.PktSrcAwsService,
  "pkt-dst-aws-service": Slot.PktDstAwsService,
  "flow-direction": Slot.FlowDirection,
  "traffic-path": Slot.TrafficPath,
  "reject-reason": Slot.RejectReason,
};

/** The slot code of a column that fills nothing (a field the tool does not keep). */
export const IGNORED_SLOT: number = Slot.Ignored;

/** The slot each column of a layout fills, in column order. */
export const slotsOf = (fields: readonly string[]): number[] =>
  fields.map((field) => (isFlowLogField(field) ? SLOT_OF[field] : undefined) ?? Slot.Ignored);

const ACTIONS = ["ACCEPT", "REJECT"] as const;
const LOG_STATUSES = ["OK", "NODATA", "SKIPDATA"] as const;
const DIRECTIONS = ["ingress", "egress"] as const;

/** The draft properties that hold free text, kept as written. */
type TextProperty = {
  [K in keyof RecordDraft]: string | undefined extends RecordDraft[K] ? K : never;
}[keyof RecordDraft];

/** The draft property each free-text slot fills. */
const TEXT_PROPERTY: Readonly<Partial<Record<number, TextProperty>>> = {
  [Slot.AccountId]: "accountId",
  [Slot.InterfaceId]: "interfaceId",
  [Slot.VpcId]: "vpcId",
  [Slot.SubnetId]: "subnetId",
  [Slot.InstanceId]: "instanceId",
  [Slot.Type]: "type",
  [Slot.Region]: "region",
  [Slot.AzId]: "azId",
  [Slot.PktSrcAwsService]: "pktSrcAwsService",
  [Slot.PktDstAwsService]: "pktDstAwsService",
  [Slot.RejectReason]: "rejectReason",
};

/** Reads an address column, or returns why it is not one. */
const readAddress = (line: string, start: number, stop: number): IpAddress | string => {
  const ipv4 = readIpv4(line, start, stop);
  if (ipv4 >= 0) return { family: "ipv4", value: ipv4 };

  const parsed = parseIpAddress(line.slice(start, stop));
  return parsed.ok ? parsed.value : `is not an IP address: ${parsed.error.reason}`;
};

/**
 * Reads the token `line[start, stop)` into the draft property that `slot` names. Returns
 * why the token is invalid, or `undefined` when it was stored. The token is never `-`.
 */
export const fillSlot = (
  draft: RecordDraft,
  slot: number,
  line: string,
  start: number,
  stop: number,
): string | undefined => {
  switch (slot) {
    case Slot.Version:
      return fillNumber(draft, "version", NUMBER_RULES.version, line, start, stop);
    case Slot.Srcport:
      return fillNumber(draft, "srcport", NUMBER_RULES.srcport, line, start, stop);
    case Slot.Dstport:
      return fillNumber(draft, "dstport", NUMBER_RULES.dstport, line, start, stop);
    case Slot.Protocol:
      return fillNumber(draft, "protocol", NUMBER_RULES.protocol, line, start, stop);
    case Slot.Packets:
      return fillNumber(draft, "packets", NUMBER_RULES.packets, line, start, stop);
    case Slot.Bytes:
      return fillNumber(draft, "bytes", NUMBER_RULES.bytes, line, start, stop);
    case Slot.Start:
      return fillNumber(draft, "start", NUMBER_RULES.start, line, start, stop);
    case Slot.End:
      return fillNumber(draft, "end", NUMBER_RULES.end, line, start, stop);
    case Slot.TcpFlags:
      return fillNumber(draft, "tcpFlags", NUMBER_RULES["tcp-flags"], line, start, stop);
    case Slot.TrafficPath:
      return fillNumber(draft, "trafficPath", NUMBER_RULES["traffic-path"], line, start, stop);
    default:
      return fillNonNumeric(draft, slot, line, start, stop);
  }
};

/** The draft properties that hold a number read from a numeric field. */
type NumberProperty = {
  [K in keyof RecordDraft]-?: Exclude<RecordDraft[K], undefined> extends number ? K : never;
}[keyof RecordDraft];

const fillNumber = (
  draft: RecordDraft,
  property: NumberProperty,
  rule: NumberRule,
  line: string,
  start: number,
  stop: number,
): string | undefined => {
  const value = readUnsigned(line, start, stop, rule.max);
  draft[property] = value;
  return value < 0 ? rule.problem : undefined;
};

const fillNonNumeric = (
  draft: RecordDraft,
  slot: number,
  line: string,
  start: number,
  stop: number,
): string | undefined => {
  switch (slot) {
    case Slot.Srcaddr:
    case Slot.Dstaddr:
    case Slot.PktSrcaddr:
    case Slot.PktDstaddr:
      return fillAddress(draft, slot, readAddress(line, start, stop));
    case Slot.Action:
      draft.action = matchWord(line, start, stop, ACTIONS);
      return draft.action === undefined ? WORD_PROBLEMS.action : undefined;
    case Slot.LogStatus:
      draft.logStatus = matchWord(line, start, stop, LOG_STATUSES);
      return draft.logStatus === undefined ? WORD_PROBLEMS["log-status"] : undefined;
    case Slot.FlowDirection:
      draft.flowDirection = matchWord(line, start, stop, DIRECTIONS);
      return draft.flowDirection === undefined ? WORD_PROBLEMS["flow-direction"] : undefined;
    default:
      fillText(draft, slot, line.slice(start, stop));
      return undefined;
  }
};

const fillAddress = (
  draft: RecordDraft,
  slot: number,
  address: IpAddress | string,
): string | undefined => {
  if (typeof address === "string") return address;

  if (slot === Slot.Srcaddr) draft.srcaddr = address;
  else if (slot === Slot.Dstaddr) draft.dstaddr = address;
  else if (slot === Slot.PktSrcaddr) draft.pktSrcaddr = address;
  else draft.pktDstaddr = address;
  return undefined;
};

const fillText = (draft: RecordDraft, slot: number, text: string): void => {
  const property = TEXT_PROPERTY[slot];
  if (property !== undefined) draft[property] = text;
};
