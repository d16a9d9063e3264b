import { describe, expect, it } from "vitest";
import { withoutByteOrderMark } from "../../../src/local/internal/without-byte-order-mark.js";

const MARK = [0xef, 0xbb, 0xbf];

async function* chunks(...parts: number[][]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

const joined = async (source: AsyncIterable<Uint8Array>): Promise<number[]> => {
  const bytes: number[] = [];
  for await (const chunk of source) bytes.push(...chunk);
  return bytes;
};

describe("withoutByteOrderMark", () => {
  it.each([
    ["a mark in the first chunk", [[...MARK, 0x5b, 0x5d]], [0x5b, 0x5d]],
    ["a mark cut across chunks", [[0xef], [0xbb], [0xbf, 0x31]], [0x31]],
    ["a mark alone", [MARK], []],
    ["no mark", [[0x5b], [0x5d]], [0x5b, 0x5d]],
    ["a text shorter than a mark", [[0x31]], [0x31]],
    ["part of a mark only", [[0xef, 0xbb]], [0xef, 0xbb]],
    ["a mark later in the text", [[0x31, ...MARK]], [0x31, ...MARK]],
  ])("should pass %s through without a leading mark", async (_what, parts, expected) => {
    expect(await joined(withoutByteOrderMark(chunks(...parts)))).toEqual(expected);
  });
});
