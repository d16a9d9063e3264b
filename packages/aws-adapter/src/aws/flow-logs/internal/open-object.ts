import type { S3Client } from "@aws-sdk/client-s3";
import { s3Sdk } from "../../internal/sdk.js";
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { awsFailure } from "./aws-failure.js";
import { objectFailure } from "./object-failure.js";

/**
 * A flow-log object being fetched: text as a byte stream (already gunzipped), or a whole
 * Parquet file, which is read from its footer and so cannot be streamed.
 */
export type FlowLogObject =
  | { readonly kind: "text"; readonly location: string; readonly body: Readable }
  | { readonly kind: "parquet"; readonly location: string; readonly bytes: Buffer };

/** How much of a text object is fetched and inflated ahead of the reader. */
const READ_AHEAD = 4 * 1024 * 1024;

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const PARQUET_MAGIC = Buffer.from("PAR1");
const PARQUET_KEY = /\.parquet(\.gz)?$/i;

/**
 * Starts fetching one object and decides what it holds from its first bytes: gzip (by its
 * magic, whatever the key) is inflated as a stream, and a Parquet file (by its `PAR1` magic
 * or a `.parquet` key) is collected whole. Text is buffered up to a few MiB ahead of the
 * reader and then waits, so objects fetched in parallel do not pile up in memory.
 * `onBytes` receives the bytes as they arrive from S3.
 */
export const openObject = async (
  client: S3Client,
  bucket: string,
  key: string,
  signal: AbortSignal,
  onBytes: (bytes: number) => void,
): Promise<FlowLogObject> => {
  const location = `s3://${bucket}/${key}`;
  const response = await client
    .send(new (s3Sdk().GetObjectCommand)({ Bucket: bucket, Key: key }), { abortSignal: signal })
    .catch((error: unknown) => {
      throw awsFailure(error, "GetObject", location);
    });

  try {
    const body = response.Body as AsyncIterable<Uint8Array> | undefined;
    const raw = await peek(counted(body ?? emptyBody(), onBytes));
    const content = startsWith(raw.head, GZIP_MAGIC)
      ? await peek(pipeline(Readable.from(raw.chunks), createGunzip(), () => undefined))
      : raw;

    if (PARQUET_KEY.test(key) || startsWith(content.head, PARQUET_MAGIC)) {
      return { kind: "parquet", location, bytes: await collect(content.chunks) };
    }
    return { kind: "text", location, body: readAhead(content.chunks) };
  } catch (error) {
    throw objectFailure(error, location);
  }
};

/**
 * A byte stream over `chunks` that starts filling its buffer now, up to {@link READ_AHEAD},
 * rather than when the reader gets to it. A failure meanwhile is kept for the reader, who
 * meets it when iterating, instead of escaping as an unhandled stream error.
 */
const readAhead = (chunks: AsyncIterable<Buffer>): Readable => {
  const stream = Readable.from(chunks, { objectMode: false, highWaterMark: READ_AHEAD });
  stream.on("error", () => undefined);
  stream.read(0);
  return stream;
};

/** The first bytes of a stream, and the whole stream again (those bytes included). */
interface Peeked {
  readonly head: Buffer;
  readonly chunks: AsyncIterable<Buffer>;
}

const peek = async (source: AsyncIterable<Uint8Array>): Promise<Peeked> => {
  const iterator = source[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let length = 0;
  let done = false;

  while (!done && length < PARQUET_MAGIC.length) {
    const next = await iterator.next();
    done = next.done === true;
    if (!done) {
      first.push(Buffer.from(next.value as Uint8Array));
      length += (next.value as Uint8Array).length;
    }
  }

  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* first;
      while (!done) {
        const next = await iterator.next();
        done = next.done === true;
        if (!done) yield Buffer.from(next.value as Uint8Array);
      }
    } finally {
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(first), chunks: chunks() };
};

async function* emptyBody(): AsyncGenerator<Uint8Array> {}

async function* counted(
  body: AsyncIterable<Uint8Array>,
  onBytes: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    onBytes(chunk.length);
    yield chunk;
  }
}

const collect = async (chunks: AsyncIterable<Buffer>): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
};

const startsWith = (bytes: Buffer, magic: Buffer): boolean =>
  bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
