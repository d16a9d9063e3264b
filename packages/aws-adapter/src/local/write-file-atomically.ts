import { writeFilesTogether } from "./internal/write-files-together.js";

/**
 * Replaces `path` with `text` so that a reader sees either the old file or the new one,
 * never a half-written one: the text goes to a temporary file in the same folder, is
 * flushed to disk, and is renamed over the target. The temporary file is removed when any
 * step fails, and the target is then left untouched.
 */
export const writeFileAtomically = (path: string, text: string): Promise<void> =>
  writeFilesTogether([{ path, text }]);
