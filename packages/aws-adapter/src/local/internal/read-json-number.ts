import type { ByteCursor } from "./json-byte-cursor.js";
import { JsonSyntaxError } from "./json-syntax-error.js";

const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Integers with at most this many digits are exact in a double, so they skip `Number`. */
const EXACT_DIGITS = 15;

/**
 * Reads the number starting at `cursor.index` (a minus sign or a digit) and moves the
 * cursor past it. The grammar is JSON's: no plus sign, no leading zero, digits on both
 * sides of a dot, an exponent with at least one digit. The value is the double
 * `JSON.parse` gives, `-0` and out-of-range values included, since both round the decimal
 * text correctly. Returns `undefined`, the cursor unmoved, when the bytes stop where the
 * number might go on and more may come.
 */
export const readJsonNumber = (cursor: ByteCursor): number | undefined => {
  const { bytes } = cursor;
  const start = cursor.index;
  const digits = bytes[start] === MINUS ? start + 1 : start;

  const integerEnd = integerPartEnd(cursor, digits);
  if (integerEnd < 0) return undefined;

  const fractionEnd = bytes[integerEnd] === DOT ? fractionPartEnd(cursor, integerEnd) : integerEnd;
  if (fractionEnd < 0) return undefined;

  const end = isExponentMark(bytes[fractionEnd]) ? exponentEnd(cursor, fractionEnd) : fractionEnd;
  if (end < 0 || (end === bytes.length && !cursor.ended)) return undefined;

  cursor.index = end;
  if (end === integerEnd && end - digits <= EXACT_DIGITS) {
    const integer = integerValue(bytes, digits, end);
    return digits === start ? integer : -integer;
  }
  return Number(bytes.toString("latin1", start, end));
};

/** The end of the integer part starting at `index`, or -1 when more bytes are needed. */
const integerPartEnd = (cursor: ByteCursor, index: number): number => {
  const { bytes } = cursor;
  if (index === bytes.length && !cursor.ended) return -1;
  if (!isDigit(bytes[index]))
    throw new JsonSyntaxError("No number after minus sign in JSON", index);
  if (bytes[index] !== ZERO) return digitsEnd(bytes, index);

  if (index + 1 === bytes.length && !cursor.ended) return -1;
  if (isDigit(bytes[index + 1])) throw new JsonSyntaxError("Unexpected number in JSON", index + 1);
  return index + 1;
};

const fractionPartEnd = (cursor: ByteCursor, dot: number): number =>
  requiredDigitsEnd(cursor, dot + 1, "Unterminated fractional number in JSON");

const exponentEnd = (cursor: ByteCursor, mark: number): number => {
  const sign = cursor.bytes[mark + 1];
  const digits = sign === PLUS || sign === MINUS ? mark + 2 : mark + 1;
  return requiredDigitsEnd(cursor, digits, "Exponent part is missing a number in JSON");
};

/** The end of one or more digits at `index`, failing with `reason` when there is none. */
const requiredDigitsEnd = (cursor: ByteCursor, index: number, reason: string): number => {
  if (index >= cursor.bytes.length && !cursor.ended) return -1;
  if (!isDigit(cursor.bytes[index])) throw new JsonSyntaxError(reason, index);
  return digitsEnd(cursor.bytes, index);
};

const digitsEnd = (bytes: Buffer, start: number): number => {
  const length = bytes.length;
  let index = start;
  while (index < length && isDigit(bytes[index])) index += 1;
  return index;
};

const integerValue = (bytes: Buffer, start: number, end: number): number => {
  let value = 0;
  for (let index = start; index < end; index += 1)
    value = value * 10 + (bytes[index] as number) - ZERO;
  return value;
};

const isDigit = (byte: number | undefined): boolean =>
  byte !== undefined && byte >= ZERO && byte <= NINE;

const isExponentMark = (byte: number | undefined): boolean => byte === 0x65 || byte === 0x45;
