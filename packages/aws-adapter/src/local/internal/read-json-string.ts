import type { ByteCursor } from "./json-byte-cursor.js";
import { endOfJsonInput, JsonSyntaxError, unexpectedToken } from "./json-syntax-error.js";
import type { ShortStringCache } from "./short-string-cache.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;
const FIRST_PRINTABLE = 0x20;

/** The letters of the one-letter escapes, and at the same places what they stand for. */
const ESCAPE_LETTERS = '"\\/bfnrt';
const ESCAPED_CHARACTERS = '"\\/\b\f\n\r\t';

/**
 * Reads the string whose opening quote is at `cursor.index` and moves the cursor past its
 * closing quote. The value is what `JSON.parse` gives: every escape decoded, `\u` escapes
 * taken as UTF-16 code units (so a pair makes one character and a lone surrogate stays
 * lone), and raw bytes decoded as UTF-8 with U+FFFD for invalid sequences, as reading the
 * file as UTF-8 text would. A string without escapes is decoded through `strings`, so
 * repeated ones are shared. Returns `undefined`, the cursor unmoved, when the bytes stop
 * inside the string and more may come.
 */
export const readJsonString = (
  cursor: ByteCursor,
  strings: ShortStringCache,
): string | undefined => {
  const { bytes } = cursor;
  const start = cursor.index + 1;
  const end = plainRunEnd(bytes, start);

  if (end === bytes.length) return unfinished(cursor, end);
  if (bytes[end] === BACKSLASH) return readEscapedString(cursor, start, end);

  cursor.index = end + 1;
  return strings.text(bytes, start, end);
};

/** The index of the first quote or backslash from `start`, or the end of the bytes. */
const plainRunEnd = (bytes: Buffer, start: number): number => {
  let index = start;

  while (index < bytes.length) {
    const byte = bytes[index] as number;
    if (byte === QUOTE || byte === BACKSLASH) return index;
    if (byte < FIRST_PRINTABLE) throw badControlCharacter(index);
    index += 1;
  }
  return index;
};

/** The slow path, from the first backslash: plain runs and escapes, one after another. */
const readEscapedString = (
  cursor: ByteCursor,
  start: number,
  firstBackslash: number,
): string | undefined => {
  const { bytes } = cursor;
  let text = bytes.toString("utf8", start, firstBackslash);
  let index = firstBackslash;

  while (bytes[index] === BACKSLASH) {
    const escaped = escapeAt(cursor, index);
    if (escaped === undefined) return undefined;
    text += escaped;
    index += bytes[index + 1] === LETTER_U ? 6 : 2;

    const end = plainRunEnd(bytes, index);
    if (end === bytes.length) return unfinished(cursor, end);
    text += bytes.toString("utf8", index, end);
    index = end;
  }

  cursor.index = index + 1;
  return text;
};

/** The character a backslash escape at `index` stands for, or `undefined` if cut off. */
const escapeAt = (cursor: ByteCursor, index: number): string | undefined => {
  const { bytes } = cursor;
  const letter = bytes[index + 1];

  if (letter === undefined) return unfinishedEscape(cursor, index + 1);
  if (letter === LETTER_U) return unicodeEscapeAt(cursor, index + 2);

  const at = ESCAPE_LETTERS.indexOf(String.fromCharCode(letter));
  if (at >= 0) return ESCAPED_CHARACTERS.charAt(at);
  throw beyondLatin1(letter)
    ? unexpectedToken(bytes, index + 1)
    : new JsonSyntaxError("Bad escaped character in JSON", index + 1);
};

/**
 * Whether a byte after a backslash starts a character above U+00FF (or an invalid one,
 * read as U+FFFD): `JSON.parse` calls that an unexpected token, not a bad escape.
 */
const beyondLatin1 = (byte: number): boolean => byte >= 0x80 && (byte < 0xc2 || byte > 0xc3);

/** The code unit named by the four hex digits at `index`, as a one-character string. */
const unicodeEscapeAt = (cursor: ByteCursor, index: number): string | undefined => {
  const { bytes } = cursor;
  let unit = 0;

  for (let digit = index; digit < index + 4; digit += 1) {
    if (digit === bytes.length && !cursor.ended) return undefined;
    const value = hexValue(bytes[digit]);
    if (value < 0) throw new JsonSyntaxError("Bad Unicode escape in JSON", digit);
    unit = unit * 16 + value;
  }
  return String.fromCharCode(unit);
};

const hexValue = (byte: number | undefined): number => {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;

  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
};

/** A cut at the end: wait for more bytes, or, at the end of the text, an unterminated string. */
const unfinished = (cursor: ByteCursor, end: number): undefined => {
  if (cursor.ended) throw new JsonSyntaxError("Unterminated string in JSON", end);
  return undefined;
};

const unfinishedEscape = (cursor: ByteCursor, end: number): undefined => {
  if (cursor.ended) throw endOfJsonInput(end);
  return undefined;
};

const badControlCharacter = (index: number): JsonSyntaxError =>
  new JsonSyntaxError("Bad control character in string literal in JSON", index);
