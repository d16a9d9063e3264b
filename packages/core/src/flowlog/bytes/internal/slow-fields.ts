import { parseIpAddress } from "../../ip-address.js";
import type { FlowLogLayout } from "../../layout.js";
import type { MalformedRecord } from "../../record.js";
import { ABSENT_VALUE, IPV6_VALUE } from "../scanned-fields.js";
import type { ScannedRecord } from "../scanned-record.js";
import type { Utf8Decode } from "../utf8-decode.js";
import { isDash, tokenCount } from "./byte-readers.js";
import { Slot } from "./byte-slots.js";

/**
 * The scanner's rare paths, out of its loop: addresses that are not dotted quads, and the
 * wording of a miscounted line, both as the text parser has them.
 */

/** Fills an address slot whose token is not a dotted quad: `-`, IPv6, or invalid. */
export const fillAddress = (
  record: ScannedRecord,
  slot: number,
  bytes: Uint8Array,
  start: number,
  stop: number,
  decode: Utf8Decode,
): string | undefined => {
  if (isDash(bytes, start, stop)) {
    record.values[slot] = ABSENT_VALUE;
    return undefined;
  }

  const parsed = parseIpAddress(decode(bytes, start, stop));
  if (!parsed.ok) return `is not an IP address: ${parsed.error.reason}`;
  const wide = parsed.value.family === "ipv6";
  record.values[slot] = wide ? IPV6_VALUE : (parsed.value.value as number);
  record.wide[slot - Slot.Srcaddr] = wide ? parsed.value : undefined;
  return undefined;
};

/** Why a line with the wrong number of fields is not a record of `layout`. */
export const countMismatch = (
  bytes: Uint8Array,
  start: number,
  stop: number,
  layout: FlowLogLayout,
): MalformedRecord => ({
  reason: `has ${tokenCount(bytes, start, stop)} fields, the layout names ${layout.fields.length}`,
});
