import type { Utf8Decode } from "@sg/core";

/**
 * The local file reader's rules for whole lines, read from bytes: which lines are blank
 * (skipped, though they still count for line numbers) and whether a file's first line is a
 * header because its first field is not a number. They decide exactly as the text rules
 * (`text.trim()` and `/\s+/`, which know Unicode spaces) do: a line is decoded only when a
 * non-ASCII byte comes before the answer is known.
 */

const isAsciiBlank = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

const firstContent = (bytes: Uint8Array, start: number, stop: number): number => {
  let index = start;
  while (index < stop && isAsciiBlank(bytes[index]!)) index += 1;
  return index;
};

/** Whether the line holds nothing but whitespace, as `text.trim() === ""` decides. */
export const isBlankLine = (
  bytes: Uint8Array,
  start: number,
  stop: number,
  decode: Utf8Decode,
): boolean => {
  const first = firstContent(bytes, start, stop);
  if (first === stop) return true;
  return bytes[first]! >= 0x80 && decode(bytes, start, stop).trim() === "";
};

/**
 * Whether a file's first line is taken for a header: its first whitespace-separated field,
 * once the line is trimmed, is not a run of decimal digits.
 */
export const firstFieldIsNotNumber = (
  bytes: Uint8Array,
  start: number,
  stop: number,
  decode: Utf8Decode,
): boolean => {
  const first = firstContent(bytes, start, stop);

  let index = first;
  while (index < stop && isDigit(bytes[index]!)) index += 1;
  const next = index < stop ? bytes[index]! : 32;
  if (next >= 0x80) {
    const text = decode(bytes, start, stop);
    return !/^\d+$/.test(text.trim().split(/\s+/)[0] ?? "");
  }
  return index === first || !isAsciiBlank(next);
};
