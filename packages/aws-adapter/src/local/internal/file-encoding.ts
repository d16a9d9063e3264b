import { open, type FileHandle } from "node:fs/promises";

const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

/** How a flow-log file is stored, told by its first bytes whatever its name. */
export type FileEncoding = "parquet" | "gzip" | "plain";

/** What a reader plans a local flow-log file by: its size and how it is stored. */
export interface FlowLogFileProbe {
  readonly size: number;
  readonly encoding: FileEncoding;
}

/**
 * The encoding of the file open at `handle`: Parquet (`PAR1`, as VPC Flow Logs writes with
 * `FileFormat=parquet`), gzip (`1f 8b`) or plain text. Reads where the bytes lie, so the
 * handle can go on to be streamed from the start.
 */
export const encodingAt = async (handle: FileHandle): Promise<FileEncoding> => {
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(PARQUET_MAGIC.length), 0, 4, 0);
  const startsWith = (magic: readonly number[]): boolean =>
    bytesRead >= magic.length && magic.every((byte, i) => buffer[i] === byte);
  return startsWith(PARQUET_MAGIC) ? "parquet" : startsWith(GZIP_MAGIC) ? "gzip" : "plain";
};

/**
 * A local flow-log file's size and encoding, with one open: enough for a reader to order
 * files by size and to choose how to read them before reading any.
 */
export const probeFlowLogFile = async (path: string): Promise<FlowLogFileProbe> => {
  const handle = await open(path, "r");
  try {
    const [{ size }, encoding] = await Promise.all([handle.stat(), encodingAt(handle)]);
    return { size, encoding };
  } finally {
    await handle.close();
  }
};
