import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { textPosition } from "../../../src/local/internal/text-position.js";

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let from = 0; from < bytes.length; from += size) yield bytes.subarray(from, from + size);
}

/** Line and column as counted on the text held as a string, the way people read it. */
const positionInString = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
};

const textWithLines = fc.string({
  unit: fc.oneof(fc.constantFrom("\n", "\r\n", "é", "😀", "∑"), fc.string({ unit: "binary" })),
});

describe("textPosition", () => {
  test.prop([textWithLines, fc.nat(), fc.integer({ min: 1, max: 9 })])(
    "should count lines and UTF-16 columns as the text held as a string does",
    async (text, at, chunkSize) => {
      const characters = Array.from(text);
      const before = characters.slice(0, at % (characters.length + 1)).join("");

      const position = await textPosition(
        chunksOf(Buffer.from(text), chunkSize),
        Buffer.byteLength(before),
      );

      expect(position).toEqual(positionInString(text, before.length));
    },
  );

  it("should stop reading at the offset", async () => {
    let chunksRead = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for (const chunk of ["ab\n", "cd", "ef", "gh"]) {
        chunksRead += 1;
        yield Buffer.from(chunk);
      }
    }

    expect(await textPosition(counted(), 4)).toEqual({ line: 2, column: 2 });
    expect(chunksRead).toBe(2);
  });
});
