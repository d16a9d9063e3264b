import type { FileHandle } from "node:fs/promises";

/** How many UTF-16 code units of pieces are gathered before they go to disk together. */
const BATCH_LENGTH = 1 << 18;

/**
 * Writes `pieces` in order at the handle's current position, never joining more than a
 * batch of them: memory stays bounded by the batch plus the largest piece, however long
 * the document. Text goes to disk as UTF-8 and bytes as they are. Each batch is awaited
 * before the next piece is asked for, so a slow disk slows the producer down. A surrogate
 * pair cut between two batches is kept whole, so the bytes on disk are exactly the UTF-8
 * of the text pieces, in place among the byte pieces.
 */
export const writePieces = async (
  handle: FileHandle,
  pieces: Iterable<string | Uint8Array>,
): Promise<void> => {
  let batch: string[] = [];
  let length = 0;

  for (const piece of pieces) {
    if (typeof piece !== "string") {
      await writeWhole(handle, Buffer.from(batch.join(""), "utf8"));
      await writeWhole(handle, piece);
      batch = [];
      length = 0;
      continue;
    }

    batch.push(piece);
    length += piece.length;
    if (length < BATCH_LENGTH) continue;

    const text = batch.join("");
    const carry = endsWithHighSurrogate(text) ? text.slice(-1) : "";
    await writeWhole(handle, Buffer.from(text.slice(0, text.length - carry.length), "utf8"));
    batch = [carry];
    length = carry.length;
  }

  await writeWhole(handle, Buffer.from(batch.join(""), "utf8"));
};

const endsWithHighSurrogate = (text: string): boolean => {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
};

/** Writes all of `bytes`, looping because one write may take only part of them. */
const writeWhole = async (handle: FileHandle, bytes: Uint8Array): Promise<void> => {
  let offset = 0;

  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
};
