import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ShortStringCache } from "../../../src/local/internal/short-string-cache.js";

/** Byte runs as JSON strings hold them: ASCII, multi-byte UTF-8 and invalid bytes. */
const byteRun = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "-", "0", "1"), maxLength: 40 }).map(Buffer.from),
  fc.string({ unit: "grapheme", maxLength: 12 }).map(Buffer.from),
  fc.uint8Array({ maxLength: 34 }).map(Buffer.from),
);

describe("ShortStringCache", () => {
  test.prop([fc.array(byteRun, { minLength: 1, maxLength: 200 }), fc.nat({ max: 7 })])(
    "should always return the UTF-8 text of the bytes, however runs repeat and collide",
    (runs, padding) => {
      const cache = new ShortStringCache();

      for (const run of [...runs, ...runs.reverse()]) {
        const bytes = Buffer.concat([Buffer.alloc(padding, 0x20), run, Buffer.from(" ")]);
        const text = cache.text(bytes, padding, padding + run.length);

        expect(text).toBe(run.toString("utf8"));
      }
    },
  );

  it("should share one string between repeats of a short ASCII run", () => {
    const cache = new ShortStringCache();
    const first = cache.text(Buffer.from(' "eni-0a11"'), 2, 10);
    const again = cache.text(Buffer.from('x"eni-0a11"'), 2, 10);

    expect(again).toBe("eni-0a11");
    expect(Object.is(first, again)).toBe(true);
  });

  it("should never serve a replacement character for bytes that are not those of the text", () => {
    const cache = new ShortStringCache();
    const invalid = cache.text(Buffer.from([0xff, 0xfe]), 0, 2);

    expect(invalid).toBe("\ufffd\ufffd");
    expect(cache.text(Buffer.from([0xfe, 0xff]), 0, 2)).toBe("\ufffd\ufffd");
    expect(cache.text(Buffer.from("ab"), 0, 2)).toBe("ab");
  });
});
