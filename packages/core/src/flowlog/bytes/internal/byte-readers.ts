/**
 * Byte-level twins of the text parser's character helpers (flowlog/internal/scan.ts), each
 * reading `bytes[start, stop)` in place. They decide exactly as their twins do: every
 * character those test is ASCII, and UTF-8 encodes ASCII as single bytes that never occur
 * inside a multi-byte character.
 */

const SPACE = 32;
const TAB = 9;
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;
const DASH = 45;

const isBlank = (code: number): boolean =>
  code === SPACE || code === TAB || code === CARRIAGE_RETURN || code === LINE_FEED;

/** The index of the first byte from `start` that is not blank, or `stop`. */
export const firstNonBlank = (bytes: Uint8Array, start: number, stop: number): number => {
  let index = start;
  while (index < stop && isBlank(bytes[index]!)) index += 1;
  return index;
};

/** One past the last byte before `stop` that is not blank, or `start`. */
export const endOfContent = (bytes: Uint8Array, start: number, stop: number): number => {
  let end = stop;
  while (end > start && isBlank(bytes[end - 1]!)) end -= 1;
  return end;
};

/** Whether the token is `-`, which flow logs write for "absent" in every field. */
export const isDash = (bytes: Uint8Array, start: number, stop: number): boolean =>
  stop - start === 1 && bytes[start] === DASH;

/** How many space-separated tokens `bytes[start, stop)` holds once blanks are trimmed. */
export const tokenCount = (bytes: Uint8Array, start: number, stop: number): number => {
  const first = firstNonBlank(bytes, start, stop);
  const end = endOfContent(bytes, first, stop);
  if (first === end) return 0;

  let count = 1;
  for (let index = first; index < end; index += 1) {
    if (bytes[index] === SPACE && bytes[index + 1] !== SPACE) count += 1;
  }
  return count;
};
