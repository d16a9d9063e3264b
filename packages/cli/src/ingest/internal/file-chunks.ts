import { createReadStream } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { FileTask } from "../ingest-protocol.js";

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 1 << 21;
const SMALLEST_CHUNK = 1 << 14;
/** Flow-log text compresses about tenfold; a small file's inflate buffer is sized by it. */
const INFLATION = 16;

/**
 * Yields the bytes of a flow-log file as it streams off disk, inflated when the main
 * thread's probe found the gzip magic bytes, whatever the name: the byte-level twin of the
 * text path's file reader, with the same error for a damaged or cut-off stream.
 * Inflating runs on libuv's pool, so the caller scans one chunk while the next inflates;
 * chunks of 2 MiB cost a third less CPU than 256 KiB ones, in allocations and callbacks.
 * Chunks are yielded as plain Uint8Array views, the type of the joined lines too, so that
 * the scanner's byte reads see one kind of array and stay fast.
 * `onBytes` receives the number of bytes read from disk once the file is done.
 */
export async function* fileChunks(
  { path, size, gzip }: FileTask,
  onBytes: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  const file = createReadStream(path, { highWaterMark: chunkFor(size, READ_CHUNK) });
  const source: Readable = gzip
    ? pipeline(file, createGunzip({ chunkSize: chunkFor(size * INFLATION, INFLATE_CHUNK) }), noop)
    : file;

  try {
    for await (const chunk of source) {
      const { buffer, byteOffset, length } = chunk as Buffer;
      yield new Uint8Array(buffer, byteOffset, length);
    }
  } catch (error) {
    throw gzip && isZlibError(error) ? incompleteGzip(path, error) : error;
  } finally {
    onBytes(file.bytesRead);
    file.destroy();
  }
}

/**
 * A buffer size for `bytes` of data, capped at `largest`: a file of a few hundred bytes
 * gets a small buffer, not megabytes allocated and dropped for each of thousands of files.
 * An unknown size (0) gets the largest.
 */
const chunkFor = (bytes: number, largest: number): number =>
  bytes <= 0
    ? largest
    : Math.min(largest, Math.max(SMALLEST_CHUNK, 2 ** Math.ceil(Math.log2(bytes))));

const noop = (): void => undefined;

const isZlibError = (error: unknown): error is Error =>
  error instanceof Error && /^Z_/.test(String((error as NodeJS.ErrnoException).code));

/**
 * A damaged or cut-off gzip file. The main thread turns it into the adapter's
 * LocalFileError; workers do not load the adapter, which would bring the AWS SDK along.
 */
export class CorruptGzipError extends Error {
  override readonly name = "CorruptGzipError";

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const incompleteGzip = (path: string, error: Error): CorruptGzipError =>
  new CorruptGzipError(path, `${path} is not a complete gzip stream: ${error.message}`);
