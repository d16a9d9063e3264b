import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { firstFieldIsNotNumber, isBlankLine } from "../../src/ingest/internal/line-rules.js";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const decode = (bytes: Uint8Array, start: number, stop: number): string =>
  decoder.decode(bytes.subarray(start, stop));

/** Lines built from the characters the rules care about: digits, ASCII and Unicode spaces. */
const line = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      "1",
      "2",
      " ",
      "\t",
      "\v",
      "\r",
      "x",
      ".",
      "-",
      "\u00a0",
      "\u2028",
      "\ufeff",
      "é",
    ),
  }),
  fc.string({ unit: "grapheme" }),
);

/** The line's UTF-8 bytes between other bytes, so that the rules must respect the bounds. */
const placed = (text: string) => {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array([0x78, ...body, 0x31]);
  return { bytes, start: 1, stop: 1 + body.length };
};

describe("line rules on bytes", () => {
  test.prop([line])("should call a line blank exactly when its trimmed text is empty", (text) => {
    const { bytes, start, stop } = placed(text);

    expect(isBlankLine(bytes, start, stop, decode)).toBe(text.trim() === "");
  });

  test.prop([line])(
    "should find a non-number first field exactly as the text rule does",
    (text) => {
      const { bytes, start, stop } = placed(text);
      const first = text.trim().split(/\s+/)[0] ?? "";

      expect(firstFieldIsNotNumber(bytes, start, stop, decode)).toBe(!/^\d+$/.test(first));
    },
  );
});
