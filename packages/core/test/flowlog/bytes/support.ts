import {
  RecordScanner,
  parseFlowLogRecord,
  toFlowLogRecord,
  type FlowLogLayout,
  type FlowLogRecord,
  type Utf8Decode,
} from "@sg/core";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Decodes as Node's StringDecoder does: invalid bytes become U+FFFD, a BOM is kept. */
export const decode: Utf8Decode = (bytes, start, stop) =>
  decoder.decode(bytes.subarray(start, stop));

const encoder = new TextEncoder();

/**
 * A line's UTF-8 bytes, placed inside other lines so that scans must respect the bounds,
 * in a view that starts three bytes into its buffer, as chunks of a stream often do.
 */
export const embedded = (
  line: string,
  before = "2 x\n",
  after = "\n- -",
): { bytes: Uint8Array; start: number; stop: number } => {
  const head = encoder.encode(before);
  const body = encoder.encode(line);
  const whole = [0, 0, 0, ...head, ...body, ...encoder.encode(after)];
  const bytes = new Uint8Array(whole).subarray(3);
  return { bytes, start: head.length, stop: head.length + body.length };
};

/** What a parse gave: the record, or the reason the line is malformed. */
export type Reading = { ok: true; value: FlowLogRecord } | { ok: false; reason: string };

/** The byte scanner's reading of `bytes[start, stop)`, as a full record. */
export const scanned = (
  layout: FlowLogLayout,
  bytes: Uint8Array,
  start: number,
  stop: number,
): Reading => {
  const scanner = new RecordScanner(layout, decode);
  const problem = scanner.scan(bytes, start, stop);
  return problem === undefined
    ? { ok: true, value: toFlowLogRecord(scanner.record, bytes, decode) }
    : { ok: false, reason: problem.reason };
};

/** The text parser's reading of the same line. */
export const parsed = (layout: FlowLogLayout, line: string): Reading => {
  const result = parseFlowLogRecord(line, layout);
  return result.ok ? result : { ok: false, reason: result.error.reason };
};
