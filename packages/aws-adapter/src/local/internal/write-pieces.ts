import type { FileHandle } from "node:fs/promises";

/** How many UTF-16 code units of pieces are gathered before they go to disk together. */
const BATCH_LENGTH = 1 << 18;

/**
 * Writes `pieces` in order at the handle's current position, never joining more than a
 * batch of them: memory stays bounded by the batch plus the largest piece, however long
 * the document. Each batch is awaited before the next piece is asked for, so a slow disk
 * slows the producer down. A surrogate pair cut between two batches is kept whole, so the
 * bytes on disk are exactly the UTF-8 of the pieces' concatenation.
 */
export const writePieces = async (handle: FileHandle, pieces: Iterable<string>): Promise<void> => {
  let batch: string[] = [];
  let length = 0;

  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length < BATCH_LENGTH) continue;

    const text = batch.join("");
    const carry = endsWithHighSurrogate(text) ? text.slice(-1) : "";
    await writeWhole(handle, text.slice(0, text.length - carry.length));
    batch = [carry];
    length = carry.length;
  }

  await writeWhole(handle, batch.join(""));
};

const endsWithHighSurrogate = (text: string): boolean => {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
};

/** Writes all of `text`, looping because one write may take only part of the bytes. */
const writeWhole = async (handle: FileHandle, text: string): Promise<void> => {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;

  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
};
