import { ABSENT_VALUE } from "../scanned-fields.js";

/**
 * The scanner's hot readers: each reads or skips one token from `at` up to the next space (or
 * `end`) in a single pass, stores what it read in `values[slot]`, and returns where the
 * token ends. An absent token (`-`) is stored as {@link ABSENT_VALUE}, an unreadable one as
 * NaN, so that the caller looks at the rare cases only after the common one is done.
 */

const SPACE = 32;
const DASH = 45;
const DOT = 46;
const ZERO = 48;

/** At most this many digits can hold a safe integer; longer tokens are out of range. */
const MAX_DIGITS = 16;

/** Reads a decimal token no greater than `max`, as the text parser's `readUnsigned` does. */
export const readDecimal = (
  bytes: Uint8Array,
  at: number,
  end: number,
  values: Float64Array,
  slot: number,
  max: number,
): number => {
  const from = at;
  let value = 0;
  let digits = true;
  while (at < end) {
    const code = bytes[at]!;
    if (code === SPACE) break;
    const digit = code - ZERO;
    if (digit >>> 0 > 9) digits = false;
    value = value * 10 + digit;
    at += 1;
  }

  if (digits && at - from <= MAX_DIGITS && value <= max) values[slot] = value;
  else values[slot] = at - from === 1 && bytes[from] === DASH ? ABSENT_VALUE : Number.NaN;
  return at;
};

/**
 * Reads a dotted-quad token without leading zeros, as the text parser's `readIpv4` does.
 * Anything else, `-` and IPv6 included, is stored as NaN for the caller to read again. An
 * octet only grows, so checking it against 255 where it ends is as good as at every digit.
 */
export const readDottedQuad = (
  bytes: Uint8Array,
  at: number,
  end: number,
  values: Float64Array,
  slot: number,
): number => {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  let valid = true;
  while (at < end) {
    const code = bytes[at]!;
    if (code === SPACE) break;
    at += 1;

    const digit = code - ZERO;
    if (digit >>> 0 <= 9) {
      if (digits !== 0 && octet === 0) valid = false;
      octet = octet * 10 + digit;
      digits += 1;
    } else if (code === DOT) {
      if (digits === 0 || dots === 3 || octet > 255) valid = false;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
    } else {
      valid = false;
    }
  }

  const quad = valid && dots === 3 && digits > 0 && octet <= 255;
  values[slot] = quad ? value * 256 + octet : Number.NaN;
  return at;
};

/** The code of the word `bytes[from, to)` in `words` (1 for the first), or NaN. */
const codeOf = (bytes: Uint8Array, from: number, to: number, words: readonly Uint8Array[]) => {
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (word.length !== to - from) continue;

    let same = 0;
    while (same < word.length && bytes[from + same] === word[same]) same += 1;
    if (same === word.length) return index + 1;
  }
  return Number.NaN;
};

/** Reads a token that must be one of `words` (ASCII), as the text parser's `matchWord` does. */
export const readWord = (
  bytes: Uint8Array,
  at: number,
  end: number,
  values: Float64Array,
  slot: number,
  words: readonly Uint8Array[],
): number => {
  const from = at;
  while (at < end && bytes[at] !== SPACE) at += 1;

  const dash = at - from === 1 && bytes[from] === DASH;
  values[slot] = dash ? ABSENT_VALUE : codeOf(bytes, from, at, words);
  return at;
};

const SPACES = 0x20202020;
const ONES = 0x01010101;
const HIGHS = 0x80808080;

/**
 * Skips a token whose bytes are not read, free text or an ignored field, four bytes at a
 * time: a 32-bit word is stepped over when none of its bytes is a space (the classic test
 * for a zero byte, applied to the word XOR spaces), and the last few bytes one at a time.
 * `view` must look at the same memory as `bytes`.
 */
export const skipToken = (bytes: Uint8Array, view: DataView, at: number, end: number): number => {
  while (at + 4 <= end) {
    const word = view.getUint32(at, true) ^ SPACES;
    if (((word - ONES) & ~word & HIGHS) !== 0) break;
    at += 4;
  }
  while (at < end && bytes[at] !== SPACE) at += 1;
  return at;
};
