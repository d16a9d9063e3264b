import { writeFilesTogether, type FileContent } from "./internal/write-files-together.js";

/**
 * Replaces `path` with `content` so that a reader sees either the old file or the new one,
 * never a half-written one: the text goes to a temporary file in the same folder, is
 * flushed to disk, and is renamed over the target. The temporary file is removed when any
 * step fails, the iteration of `content` included, and the target is then left untouched.
 *
 * `content` is one string or an iterable of pieces, text (written as UTF-8) or bytes;
 * pieces are written in order as they come and never joined, so a document longer than
 * the longest string V8 can hold (about 512 MiB) can be written with memory bounded by the
 * pieces.
 */
export const writeFileAtomically = (path: string, content: FileContent): Promise<void> =>
  writeFilesTogether([{ path, text: content }]);
