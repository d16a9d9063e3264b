import { isFlowLogField, type FlowLogField } from "../fields.js";
import { parseIpAddress, type IpAddress } from "../ip-address.js";
import type { RecordDraft } from "./draft.js";
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

const MAX_PORT = 65_535;
const MAX_BYTE = 255;
const MAX_VERSION = 2_147_483_647;

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

const NOT_A_COUNT = "is not a whole number 0 or above";
const NOT_A_TIME = "is not a Unix time in whole seconds 0 or above";
const NOT_A_PORT = "is not a port 0-65535";

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
      draft.version = readUnsigned(line, start, stop, MAX_VERSION);
      return draft.version < 0 ? "is not a version number" : undefined;
    case Slot.Srcport:
      draft.srcport = readUnsigned(line, start, stop, MAX_PORT);
      return draft.srcport < 0 ? NOT_A_PORT : undefined;
    case Slot.Dstport:
      draft.dstport = readUnsigned(line, start, stop, MAX_PORT);
      return draft.dstport < 0 ? NOT_A_PORT : undefined;
    case Slot.Protocol:
      draft.protocol = readUnsigned(line, start, stop, MAX_BYTE);
      return draft.protocol < 0 ? "is not a protocol number 0-255" : undefined;
    case Slot.Packets:
      draft.packets = readUnsigned(line, start, stop, Number.MAX_SAFE_INTEGER);
      return draft.packets < 0 ? NOT_A_COUNT : undefined;
    case Slot.Bytes:
      draft.bytes = readUnsigned(line, start, stop, Number.MAX_SAFE_INTEGER);
      return draft.bytes < 0 ? NOT_A_COUNT : undefined;
    case Slot.Start:
      draft.start = readUnsigned(line, start, stop, Number.MAX_SAFE_INTEGER);
      return draft.start < 0 ? NOT_A_TIME : undefined;
    case Slot.End:
      draft.end = readUnsigned(line, start, stop, Number.MAX_SAFE_INTEGER);
      return draft.end < 0 ? NOT_A_TIME : undefined;
    case Slot.TcpFlags:
      draft.tcpFlags = readUnsigned(line, start, stop, MAX_BYTE);
      return draft.tcpFlags < 0 ? "is not a TCP flag mask 0-255" : undefined;
    case Slot.TrafficPath:
      draft.trafficPath = readUnsigned(line, start, stop, MAX_BYTE);
      return draft.trafficPath < 0 ? "is not a traffic-path code 0-255" : undefined;
    default:
      return fillNonNumeric(draft, slot, line, start, stop);
  }
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
      return draft.action === undefined ? "is not ACCEPT, REJECT or -" : undefined;
    case Slot.LogStatus:
      draft.logStatus = matchWord(line, start, stop, LOG_STATUSES);
      return draft.logStatus === undefined ? "is not OK, NODATA, SKIPDATA or -" : undefined;
    case Slot.FlowDirection:
      draft.flowDirection = matchWord(line, start, stop, DIRECTIONS);
      return draft.flowDirection === undefined ? "is not ingress, egress or -" : undefined;
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
