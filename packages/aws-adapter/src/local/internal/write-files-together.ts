import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { writePieces } from "./write-pieces.js";

/**
 * A file's text: one string, or pieces written in order and never joined, for documents
 * longer than the longest string V8 can hold. A piece is text, written as UTF-8, or bytes.
 */
export type FileContent = string | Iterable<string | Uint8Array>;

/** One file to write: its final path and its text. */
export interface FileText {
  readonly path: string;
  readonly text: FileContent;
}

/**
 * Writes several files so that none changes unless every one could be written: each text
 * goes to a flushed temporary file beside its target (pieces streamed, never joined), and
 * only when all are on disk are they renamed over their targets, one after another. A
 * failure before the renames removes every temporary file and leaves all targets as they
 * were; a rename that fails (rare: the folder vanished or turned read-only) removes the
 * temporaries not yet used.
 */
export const writeFilesTogether = async (files: readonly FileText[]): Promise<void> => {
  const temporaries: string[] = [];

  try {
    for (const file of files) {
      const temporary = temporaryPathFor(file.path);
      temporaries.push(temporary);
      await writeFlushed(temporary, file.text);
    }
  } catch (error) {
    await removeAll(temporaries);
    throw error;
  }

  for (const [index, file] of files.entries()) {
    try {
      await rename(temporaries[index] as string, file.path);
    } catch (error) {
      await removeAll(temporaries.slice(index));
      throw error;
    }
  }
};

const removeAll = async (paths: readonly string[]): Promise<void> => {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
};

const temporaryPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);

const writeFlushed = async (path: string, text: FileContent): Promise<void> => {
  const handle = await open(path, "wx");
  try {
    await (typeof text === "string" ? handle.writeFile(text, "utf8") : writePieces(handle, text));
    await handle.sync();
  } finally {
    await handle.close();
  }
};
