import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DEFAULT_LAYOUT,
  RecordScanner,
  parseLayout,
  toFlowLogRecord,
  type FlowLogLayout,
} from "@sg/core";
import { generatedLine } from "../arbitraries.js";
import { decode, embedded, parsed, scanned } from "./support.js";

const layoutOf = (fields: readonly string[]): FlowLogLayout => {
  const layout = parseLayout(fields.join(" "));
  if (!layout.ok) throw new Error(layout.error.reason);
  return layout.value;
};

/** Tokens that break lines in every way the parser reports. */
const badToken = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.stringMatching(/^[0-9.:a-fA-F-]{1,20}$/),
  fc.constantFrom(
    "-",
    "",
    "  ",
    "\t",
    "ACCEPTED",
    "ACCEPX",
    "REJECX",
    "OX",
    "NODATX",
    "ingresz",
    "egresz",
    "--",
    "ok",
    "65536",
    "256",
    "010.0.0.1",
    "é",
    "\u00a0",
  ),
);

/** A generated line with tokens replaced, dropped or added, and odd whitespace around. */
const untidyLine = generatedLine.chain(({ fields, tokens }) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat({ max: tokens.length }), badToken), { maxLength: 3 }),
      fc.constantFrom("", " ", "\t", "\u00a0", "\ufeff"),
      fc.constantFrom("", "\r", " \r", "\t", " x", "\u2028"),
      fc.boolean(),
    )
    .map(([edits, before, after, drop]) => {
      const edited = [...tokens];
      for (const [at, token] of edits) edited[at] = token;
      if (drop) edited.pop();
      return { fields, line: before + edited.join(" ") + after };
    }),
);

describe("RecordScanner properties", () => {
  test.prop([generatedLine])(
    "should read every record rendered in any layout as parseFlowLogRecord does",
    ({ fields, tokens }) => {
      const layout = layoutOf(fields);
      const line = tokens.join(" ");
      const { bytes, start, stop } = embedded(line);

      const reading = scanned(layout, bytes, start, stop);

      expect(reading).toStrictEqual(parsed(layout, line));
    },
  );

  test.prop([untidyLine])(
    "should accept and reject exactly the lines parseFlowLogRecord does, with its reasons",
    ({ fields, line }) => {
      const layout = layoutOf(fields);
      const { bytes, start, stop } = embedded(line);

      const reading = scanned(layout, bytes, start, stop);

      expect(reading).toStrictEqual(parsed(layout, line));
    },
  );

  test.prop([
    fc.array(
      fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        fc.constantFrom(
          ...["2", "10.0.0.1", "ACCEPT", "OK", "-", "443"].map((t) => new TextEncoder().encode(t)),
        ),
      ),
      { maxLength: 16 },
    ),
  ])(
    "should read arbitrary bytes, invalid UTF-8 included, as the decoded line parses",
    (tokens) => {
      const bytes = new Uint8Array(
        tokens.flatMap((token) => [...token, 32]).filter((b) => b !== 10),
      );

      const reading = scanned(DEFAULT_LAYOUT, bytes, 0, bytes.length);

      expect(reading).toStrictEqual(parsed(DEFAULT_LAYOUT, decode(bytes, 0, bytes.length)));
    },
  );

  test.prop([generatedLine, fc.infiniteStream(fc.boolean())])(
    "should keep nothing of the previous line when one scanner reads the next",
    ({ fields, tokens }, dashes) => {
      const layout = layoutOf(fields);
      const scanner = new RecordScanner(layout, decode);
      const first = embedded(tokens.join(" "));
      const sparse = tokens.map((token) => (dashes.next().value ? "-" : token)).join(" ");
      const second = embedded(sparse);
      scanner.scan(first.bytes, first.start, first.stop);

      scanner.scan(second.bytes, second.start, second.stop);

      const value = toFlowLogRecord(scanner.record, second.bytes, decode);
      expect({ ok: true, value }).toStrictEqual(parsed(layout, sparse));
    },
  );

  test.prop([
    fc
      .constantFrom(4, 4, 4, 3, 5)
      .chain((count) =>
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.nat({ max: 255 }).map(String) },
            { weight: 1, arbitrary: fc.constantFrom("", "00", "01", "007", "256", "300", "1000") },
          ),
          { minLength: count, maxLength: count },
        ),
      ),
  ])("should read a dotted quad exactly as the text parser does", (octets) => {
    const line =
      `2 123456789010 eni-1 ${octets.join(".")} 10.0.0.2 20641 22 6 20 4249 ` +
      "1418530010 1418530070 ACCEPT OK";
    const { bytes, start, stop } = embedded(line);

    const reading = scanned(DEFAULT_LAYOUT, bytes, start, stop);

    expect(reading).toStrictEqual(parsed(DEFAULT_LAYOUT, line));
  });
});

describe("RecordScanner words", () => {
  const V5 = layoutOf([
    ...DEFAULT_LAYOUT.fields,
    "tcp-flags",
    "type",
    "flow-direction",
    "traffic-path",
  ]);
  const line = (action: string, status: string, type: string, direction: string): string =>
    `5 123456789012 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 40 100 160 ${action} ${status} ` +
    `2 ${type} ${direction} -`;

  it.each([
    ["ACCEPX", "OK", "IPv4", "ingress"],
    ["XCCEPT", "OK", "IPv4", "ingress"],
    ["REJECX", "OK", "IPv4", "ingress"],
    ["ACCEPT", "OX", "IPv4", "ingress"],
    ["ACCEPT", "NODATX", "IPv4", "ingress"],
    ["ACCEPT", "SKIPDATX", "IPv4", "ingress"],
    ["ACCEPT", "OK", "IPv5", "ingress"],
    ["ACCEPT", "OK", "IPv4", "ingresz"],
    ["ACCEPT", "OK", "IPv4", "egresz"],
    ["ACCEPT", "OK", "IPv4", "ingress"],
  ])("should read %s %s %s %s only if it is one of the field's words", (...tokens) => {
    const text = line(...tokens);
    const { bytes, start, stop } = embedded(text);

    expect(scanned(V5, bytes, start, stop)).toStrictEqual(parsed(V5, text));
  });
});
