import { isHeaderLine } from "../header.js";
import type { Utf8Decode } from "./utf8-decode.js";

const DOLLAR = 36;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const UNDERSCORE = 95;
const DASH = 45;

const isAsciiBlank = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isNameByte = (code: number): boolean =>
  isLower(code) || isDigit(code) || code === DASH || code === UNDERSCORE;

/** Whether the token could be a field name: `${…}` or a lower-case letter, then name bytes. */
const hasNameShape = (bytes: Uint8Array, start: number, stop: number): boolean => {
  const wrapped = bytes[start] === DOLLAR;
  const first = wrapped ? start + 2 : start + 1;
  const last = wrapped ? stop - 1 : stop;
  if (wrapped && (bytes[start + 1] !== OPEN_BRACE || bytes[stop - 1] !== CLOSE_BRACE)) {
    return false;
  }
  if (wrapped ? first >= last : !isLower(bytes[start]!)) return false;

  for (let index = first; index < last; index += 1) {
    if (!isNameByte(bytes[index]!)) return false;
  }
  return true;
};

/**
 * {@link isHeaderLine} for the UTF-8 bytes `bytes[start, stop)`, without decoding a record.
 * A record fails on its first token, a number or a value unlike a field name, so a line is
 * decoded and handed to {@link isHeaderLine} only when every ASCII token has a field
 * name's shape, or when it holds a non-ASCII byte (Unicode spaces split tokens there).
 *
 * @example isHeaderBytes(new TextEncoder().encode("version srcaddr"), 0, 15, decode) // true
 */
export const isHeaderBytes = (
  bytes: Uint8Array,
  start: number,
  stop: number,
  decode: Utf8Decode,
): boolean => {
  let token = -1;
  for (let index = start; index <= stop; index += 1) {
    const code = index < stop ? bytes[index]! : 32;
    if (code >= 0x80) return isHeaderLine(decode(bytes, start, stop));
    if (!isAsciiBlank(code)) {
      if (token < 0) token = index;
      continue;
    }
    if (token >= 0 && !hasNameShape(bytes, token, index)) return false;
    token = -1;
  }
  return isHeaderLine(decode(bytes, start, stop));
};
