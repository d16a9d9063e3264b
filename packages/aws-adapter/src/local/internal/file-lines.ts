import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { parquetLines } from "../../internal/parquet-lines.js";
import { LocalFileError } from "../local-file-error.js";

const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

/**
 * Yields the lines of a file, one at a time: gzip is recognised by its magic bytes
 * whatever the name, and inflated as a stream, so the file is never held in memory. Line
 * ends may be `\n` or `\r\n`. A Parquet file (`PAR1`), as VPC Flow Logs delivers with
 * `--destination-options FileFormat=parquet`, is read whole, since Parquet is read from its
 * footer, and yields a header line then one record line per row. A damaged or cut-off
 * gzip stream or Parquet file fails with an error naming the file. `onBytes` receives the
 * number of bytes read from disk once the file is done.
 */
export async function* fileLines(
  path: string,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  if (await isParquetFile(path)) {
    yield* parquetFileLines(path, onBytes);
    return;
  }

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

/** Whether the file starts with Parquet's magic bytes, `PAR1`, whatever its name. */
export const isParquetFile = (path: string): Promise<boolean> => startsWith(path, PARQUET_MAGIC);

const startsWithGzipMagic = (path: string): Promise<boolean> => startsWith(path, GZIP_MAGIC);

const startsWith = async (path: string, magic: readonly number[]): Promise<boolean> => {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(magic.length), 0, magic.length, 0);
    return bytesRead === magic.length && magic.every((byte, i) => buffer[i] === byte);
  } finally {
    await handle.close();
  }
};

/** The lines of a Parquet file, which a damaged file fails naming the file. */
async function* parquetFileLines(
  path: string,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  const bytes = await readFile(path);
  onBytes(bytes.length);

  const lines = parquetLines(bytes)[Symbol.asyncIterator]();
  for (;;) {
    const next = await lines.next().catch((error: unknown) => {
      throw unreadableParquet(path, error);
    });
    if (next.done === true) return;
    yield next.value;
  }
}

const unreadableParquet = (path: string, error: unknown): LocalFileError => {
  const detail = error instanceof Error ? error.message : String(error);
  return new LocalFileError(path, "corrupt", `${path} is not a readable Parquet file: ${detail}`);
};

const withoutCarriageReturn = (line: string): string =>
  line.endsWith("\r") ? line.slice(0, -1) : line;

const isZlibError = (error: unknown): error is Error =>
  error instanceof Error && /^Z_/.test(String((error as NodeJS.ErrnoException).code));

const incompleteGzip = (path: string, error: Error): LocalFileError =>
  new LocalFileError(path, "corrupt", `${path} is not a complete gzip stream: ${error.message}`);
