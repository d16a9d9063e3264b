import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { LocalFileError } from "../local-file-error.js";

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Yields the lines of a file, one at a time, without holding the file in memory: gzip is
 * recognised by its magic bytes whatever the name, and inflated as a stream. Line ends
 * may be `\n` or `\r\n`. A damaged or cut-off gzip stream fails with an error naming the
 * file. `onBytes` receives the number of bytes read from disk once the file is done.
 */
export async function* fileLines(
  path: string,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  const gzip = await startsWithGzipMagic(path);
  const file = createReadStream(path);
  const source: Readable = gzip ? pipeline(file, createGunzip(), () => undefined) : file;
  const decoder = new StringDecoder("utf8");
  let carry = "";

  try {
    for await (const chunk of source) {
      const lines = (carry + decoder.write(chunk as Buffer)).split("\n");
      carry = lines.pop() ?? "";
      yield* lines.map(withoutCarriageReturn);
    }

    const last = carry + decoder.end();
    if (last.length > 0) yield withoutCarriageReturn(last);
  } catch (error) {
    throw gzip && isZlibError(error) ? incompleteGzip(path, error) : error;
  } finally {
    onBytes(file.bytesRead);
    file.destroy();
  }
}

const startsWithGzipMagic = async (path: string): Promise<boolean> => {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(GZIP_MAGIC.length), 0, 2, 0);
    return bytesRead === GZIP_MAGIC.length && GZIP_MAGIC.every((byte, i) => buffer[i] === byte);
  } finally {
    await handle.close();
  }
};

const withoutCarriageReturn = (line: string): string =>
  line.endsWith("\r") ? line.slice(0, -1) : line;

const isZlibError = (error: unknown): error is Error =>
  error instanceof Error && /^Z_/.test(String((error as NodeJS.ErrnoException).code));

const incompleteGzip = (path: string, error: Error): LocalFileError =>
  new LocalFileError(path, "corrupt", `${path} is not a complete gzip stream: ${error.message}`);
