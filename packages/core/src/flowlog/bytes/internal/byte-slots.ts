import { isFlowLogField, type FlowLogField } from "../../fields.js";
import {
  NUMBER_RULES,
  WORD_PROBLEMS,
  type NumberField,
  type WordField,
} from "../../internal/field-rules.js";
import {
  ACTION_CODE,
  DIRECTION_CODE,
  LOG_STATUS_CODE,
  SCANNED_TEXT_FIELDS,
  type TextField,
} from "../scanned-fields.js";

/**
 * What one column fills in a {@link ScannedRecord}. Numeric and word slots come first;
 * a free-text field's slot is `Slot.Text` plus its index in `SCANNED_TEXT_FIELDS`.
 */
export const enum Slot {
  Ignored,
  Version,
  Srcport,
  Dstport,
  Protocol,
  Packets,
  Bytes,
  Start,
  End,
  TcpFlags,
  TrafficPath,
  Srcaddr,
  Dstaddr,
  PktSrcaddr,
  PktDstaddr,
  Action,
  LogStatus,
  FlowDirection,
  Text,
}

const text = (field: TextField): number => Slot.Text + SCANNED_TEXT_FIELDS.indexOf(field);

/** The fields the text parser keeps, with their slots; any other field is ignored. */
const SLOT_OF: Readonly<Partial<Record<FlowLogField, number>>> = {
  version: Slot.Version,
  "account-id": text("accountId"),
  "interface-id": text("interfaceId"),
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
  "vpc-id": text("vpcId"),
  "subnet-id": text("subnetId"),
  "instance-id": text("instanceId"),
  "tcp-flags": Slot.TcpFlags,
  type: text("type"),
  "pkt-srcaddr": Slot.PktSrcaddr,
  "pkt-dstaddr": Slot.PktDstaddr,
  region: text("region"),
  "az-id": text("azId"),
  "pkt-src-aws-service": text("pktSrcAwsService"),
  "pkt-dst-aws-service": text("pktDstAwsService"),
  "flow-direction": Slot.FlowDirection,
  "traffic-path": Slot.TrafficPath,
  "reject-reason": text("rejectReason"),
};

/** The slot each column of a layout fills, in column order. */
export const byteSlotsOf = (fields: readonly string[]): Int32Array =>
  Int32Array.from(
    fields,
    (field) => (isFlowLogField(field) ? SLOT_OF[field] : undefined) ?? Slot.Ignored,
  );

/** A table indexed by slot, each known field's slot holding `valueOf` its field. */
const bySlot = <T>(valueOf: (field: string) => T | undefined, absent: T): T[] => {
  const table = Array.from({ length: Slot.Text }, () => absent);
  for (const [field, slot] of Object.entries(SLOT_OF)) {
    if (slot < Slot.Text) table[slot] = valueOf(field) ?? absent;
  }
  return table;
};

const isNumberField = (field: string): field is NumberField => Object.hasOwn(NUMBER_RULES, field);
const isWordField = (field: string): field is WordField => Object.hasOwn(WORD_PROBLEMS, field);

/** The largest value each numeric slot accepts, indexed by slot. */
export const MAX_OF: readonly number[] = bySlot(
  (field) => (isNumberField(field) ? NUMBER_RULES[field].max : undefined),
  0,
);

/** Why a numeric or word token is invalid, indexed by slot; the text parser's wording. */
export const PROBLEM_OF: readonly string[] = bySlot(
  (field) =>
    isNumberField(field)
      ? NUMBER_RULES[field].problem
      : isWordField(field)
        ? WORD_PROBLEMS[field]
        : undefined,
  "",
);

/** A word slot's vocabulary as ASCII bytes, in code order, so that word `i` is coded `i + 1`. */
const wordsOf = (codes: Readonly<Record<string, number>>): Uint8Array[] =>
  Object.keys(codes)
    .sort((a, b) => codes[a]! - codes[b]!)
    .map((word) => Uint8Array.from(word, (letter) => letter.charCodeAt(0)));

const ACTION_WORDS = wordsOf(ACTION_CODE);
const STATUS_WORDS = wordsOf(LOG_STATUS_CODE);
const DIRECTION_WORDS = wordsOf(DIRECTION_CODE);

/** The vocabulary of the word slot `slot`: action, log-status or flow-direction. */
export const wordsOfSlot = (slot: number): readonly Uint8Array[] =>
  slot === Slot.Action ? ACTION_WORDS : slot === Slot.LogStatus ? STATUS_WORDS : DIRECTION_WORDS;
