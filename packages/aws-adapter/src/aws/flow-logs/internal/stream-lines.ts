import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/**
 * Yields the lines of a UTF-8 byte stream one at a time, `\n` or `\r\n` ended, the last
 * one with or without an end. The stream is destroyed when the caller stops early.
 */
export async function* streamLines(body: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let carry = "";

  try {
    for await (const chunk of body) {
      const lines = (carry + decoder.write(chunk as Buffer)).split("\n");
      carry = lines.pop() ?? "";
      yield* lines.map(withoutCarriageReturn);
    }

    const last = carry + decoder.end();
    if (last.length > 0) yield withoutCarriageReturn(last);
  } finally {
    body.destroy();
  }
}

const withoutCarriageReturn = (line: string): string =>
  line.endsWith("\r") ? line.slice(0, -1) : line;
