import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { DEFAULT_LAYOUT, parseFlowLogRecord, parseIpAddress, parseLayout } from "@sg/core";
import { generatedLine } from "./arbitraries.js";

const V2_LINE = [
  "2",
  "123456789010",
  "eni-1235b8ca123456789",
  "172.31.16.139",
  "172.31.16.21",
  "20641",
  "22",
  "6",
  "20",
  "4249",
  "1418530010",
  "1418530070",
  "ACCEPT",
  "OK",
];

const separators = (count: number) =>
  fc.array(fc.stringMatching(/^ {1,4}$/), { minLength: count, maxLength: count });

describe("parseFlowLogRecord properties", () => {
  test.prop([generatedLine])(
    "should read back every record rendered in any layout",
    ({ fields, tokens, expected }) => {
      const layout = parseLayout(fields.join(" "));
      if (!layout.ok) throw new Error(layout.error.reason);

      const parsed = parseFlowLogRecord(tokens.join(" "), layout.value);

      expect(parsed).toEqual({ ok: true, value: expected });
    },
  );

  test.prop([
    generatedLine.chain((line) => fc.tuple(fc.constant(line), separators(line.tokens.length))),
    fc.constantFrom("", " ", "\t"),
    fc.constantFrom("", "\r", " \r", "\n"),
  ])(
    "should read a line the same whatever runs of spaces and surrounding whitespace it has",
    ([{ fields, tokens }, gaps], before, after) => {
      const layout = parseLayout(fields.join(" "));
      if (!layout.ok) throw new Error(layout.error.reason);
      const spaced = before + tokens.map((token, i) => `${token}${gaps[i]}`).join("") + after;

      const parsed = parseFlowLogRecord(spaced, layout.value);

      expect(parsed).toEqual(parseFlowLogRecord(tokens.join(" "), layout.value));
    },
  );

  test.prop([fc.string({ unit: "binary" })])("should never throw, whatever the line", (line) => {
    expect(() => parseFlowLogRecord(line, DEFAULT_LAYOUT)).not.toThrow();
  });

  test.prop([fc.array(fc.oneof(fc.string(), fc.constantFrom(...V2_LINE)), { maxLength: 16 })])(
    "should never throw on lines of plausible and implausible fields",
    (tokens) => {
      expect(() => parseFlowLogRecord(tokens.join(" "), DEFAULT_LAYOUT)).not.toThrow();
    },
  );

  test.prop([
    fc.oneof(
      fc.stringMatching(/^[0-9.]{1,19}$/),
      fc.stringMatching(/^[0-9a-fA-F:.]{1,45}$/),
      fc.string({ minLength: 1 }),
    ),
  ])("should read an address exactly as parseIpAddress does", (token) => {
    fc.pre(token !== "-" && !/\s/.test(token));
    const line = V2_LINE.map((field, column) => (column === 3 ? token : field)).join(" ");

    const parsed = parseFlowLogRecord(line, DEFAULT_LAYOUT);
    const reference = parseIpAddress(token);

    expect(parsed.ok ? { ok: true, value: parsed.value.srcaddr } : { ok: false }).toEqual(
      reference.ok ? reference : { ok: false },
    );
  });

  test.prop([fc.stringMatching(/^[0-9]{1,20}$/)])(
    "should accept a port exactly when it is a decimal number up to 65535",
    (token) => {
      const line = V2_LINE.map((field, column) => (column === 6 ? token : field)).join(" ");

      const parsed = parseFlowLogRecord(line, DEFAULT_LAYOUT);

      expect(parsed.ok && parsed.value.dstport).toBe(Number(token) <= 65_535 && Number(token));
    },
  );
});
