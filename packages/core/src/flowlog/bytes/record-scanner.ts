import type { FlowLogLayout } from "../layout.js";
import type { MalformedRecord } from "../record.js";
import { endOfContent, firstNonBlank, tokenCount } from "./internal/byte-readers.js";
import { MAX_OF, PROBLEM_OF, Slot, byteSlotsOf, wordsOfSlot } from "./internal/byte-slots.js";
import { countMismatch, fillAddress } from "./internal/slow-fields.js";
import { readDecimal, readDottedQuad, readWord, skipToken } from "./internal/token-readers.js";
import { ScannedRecord } from "./scanned-record.js";
import type { Utf8Decode } from "./utf8-decode.js";

const SPACE = 32;
const DASH = 45;

/**
 * Reads flow-log records straight from bytes, for ingest at the speed of decompression: no
 * line is decoded to a string and nothing is allocated for a record of IPv4 addresses
 * that reads cleanly (IPv6 addresses and bad tokens are decoded). It reads exactly what
 * {@link parseFlowLogRecord} reads from the same line decoded as UTF-8: the same fields,
 * the same validation and the same {@link MalformedRecord} reasons, word for word.
 *
 * One scanner serves one layout and fills one {@link ScannedRecord}, `record`, which each
 * call to `scan` overwrites; read what you need before scanning the next line.
 */
export class RecordScanner {
  /** The record the latest successful `scan` filled. */
  readonly record = new ScannedRecord();
  private readonly slots: Int32Array;
  private viewed: Uint8Array | undefined;
  private view: DataView = new DataView(new ArrayBuffer(0));

  constructor(
    private readonly layout: FlowLogLayout,
    private readonly decode: Utf8Decode,
  ) {
    this.slots = byteSlotsOf(layout.fields);
  }

  /**
   * Scans the line `bytes[start, stop)` (without its line feed) into `record`. Returns
   * `undefined` when the line is a record of the layout, or why it is not.
   *
   * One pass over the bytes: each token is read as its end is sought, numbers and IPv4
   * addresses digit by digit, so only IPv6 addresses and bad tokens are ever decoded.
   */
  scan(bytes: Uint8Array, start: number, stop: number): MalformedRecord | undefined {
    const { slots } = this;
    const { values } = this.record;
    const end = endOfContent(bytes, start, stop);

    let at = firstNonBlank(bytes, start, stop);
    for (let column = 0; column < slots.length; column += 1) {
      if (at >= end) return countMismatch(bytes, start, stop, this.layout);

      const slot = slots[column]!;
      const from = at;
      let problem: string | undefined;
      if (slot > Slot.Ignored && slot <= Slot.TrafficPath) {
        at = readDecimal(bytes, at, end, values, slot, MAX_OF[slot]!);
        if (Number.isNaN(values[slot])) problem = PROBLEM_OF[slot];
      } else if (slot >= Slot.Srcaddr && slot <= Slot.PktDstaddr) {
        at = readDottedQuad(bytes, at, end, values, slot);
        if (Number.isNaN(values[slot])) {
          problem = fillAddress(this.record, slot, bytes, from, at, this.decode);
        }
      } else if (slot >= Slot.Action && slot < Slot.Text) {
        at = readWord(bytes, at, end, values, slot, wordsOfSlot(slot));
        if (Number.isNaN(values[slot])) problem = PROBLEM_OF[slot];
      } else {
        at = skipToken(bytes, this.viewOf(bytes), at, end);
        if (slot !== Slot.Ignored) this.locate(slot, bytes, from, at);
      }
      if (problem !== undefined)
        return this.badField(bytes, start, stop, column, from, at, problem);

      while (at < stop && bytes[at] === SPACE) at += 1;
    }

    return at < end ? countMismatch(bytes, start, stop, this.layout) : undefined;
  }

  /** Records where a free-text token lies, or that it is absent (`-`). */
  private locate(slot: number, bytes: Uint8Array, from: number, to: number): void {
    const dash = to - from === 1 && bytes[from] === DASH;
    const span = (slot - Slot.Text) * 2;
    this.record.spans[span] = dash ? -1 : from;
    this.record.spans[span + 1] = dash ? -1 : to;
  }

  /** A DataView of `bytes`, made once for every line of the same chunk. */
  private viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.viewed) {
      this.viewed = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view;
  }

  /** A miscounted line is reported as such, even when a shifted field failed to read first. */
  private badField(
    bytes: Uint8Array,
    start: number,
    stop: number,
    column: number,
    tokenStart: number,
    tokenStop: number,
    problem: string,
  ): MalformedRecord {
    if (tokenCount(bytes, start, stop) !== this.layout.fields.length) {
      return countMismatch(bytes, start, stop, this.layout);
    }
    const token = this.decode(bytes, tokenStart, tokenStop);
    return { reason: `field ${this.layout.fields[column]} "${token}" ${problem}` };
  }
}
