import { createReadStream } from "node:fs";
import { JsonBytesParser } from "./parse-json-bytes.js";
import { textPosition, type TextPosition } from "./text-position.js";
import { withoutByteOrderMark } from "./without-byte-order-mark.js";

const CHUNK_BYTES = 1 << 20;

/**
 * Parses a JSON file from its bytes, one chunk at a time, so its length is not limited by
 * the longest string V8 can hold; a leading byte order mark is skipped. Invalid JSON fails
 * with a `JsonSyntaxError` whose offset {@link positionInJsonFile} turns into a line and
 * column.
 */
export const parseJsonFileBytes = async (path: string): Promise<unknown> => {
  const parser = new JsonBytesParser();

  for await (const chunk of chunksOf(path)) parser.write(chunk);
  return parser.end();
};

/**
 * The line and column of a byte offset that {@link parseJsonFileBytes} reported, counted
 * as for the file read as text without its byte order mark. Reads the file again, up to
 * the offset only: this runs once, on failure.
 */
export const positionInJsonFile = (path: string, offset: number): Promise<TextPosition> =>
  textPosition(chunksOf(path), offset);

const chunksOf = (path: string): AsyncIterable<Uint8Array> =>
  withoutByteOrderMark(createReadStream(path, { highWaterMark: CHUNK_BYTES }));
