import { open, type FileHandle } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { parquetLines } from "../../internal/parquet-lines.js";
import { LocalFileError } from "../local-file-error.js";
import { encodingAt } from "./file-encoding.js";

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
  const handle = await open(path, "r");
  const encoding = await encodingAt(handle).catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (encoding === "parquet") {
    yield* parquetFileLines(path, handle, onBytes);
    return;
  }

  const gzip = encoding === "gzip";
  const file = handle.createReadStream({ start: 0 });
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

/** The lines of the Parquet file open at `handle`, which a damaged file fails naming it. */
async function* parquetFileLines(
  path: string,
  handle: FileHandle,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  const bytes = await handle.readFile().finally(() => handle.close());
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
