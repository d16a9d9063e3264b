/**
 * Character-level readers for the record parser's hot path. Each reads the token
 * `line[start, stop)` in place, without slicing it out, and signals "not valid" with -1 so
 * that the caller builds an error message only for the rare bad line.
 */

const SPACE = 32;
const TAB = 9;
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;
const DOT = 46;
const DASH = 45;
const ZERO = 48;

/** At most this many digits can hold a safe integer; longer tokens are out of range. */
const MAX_DIGITS = 16;

const isBlank = (code: number): boolean =>
  code === SPACE || code === TAB || code === CARRIAGE_RETURN || code === LINE_FEED;

/** The index of the first character that is not blank. */
export const firstNonBlank = (line: string): number => {
  let index = 0;
  while (index < line.length && isBlank(line.charCodeAt(index))) index += 1;
  return index;
};

/** One past the index of the last character that is not blank (drops a trailing `\r`). */
export const endOfContent = (line: string): number => {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end -= 1;
  return end;
};

/** The index after the run of spaces starting at `index`. */
export const skipSpaces = (line: string, index: number): number => {
  let next = index;
  while (line.charCodeAt(next) === SPACE) next += 1;
  return next;
};

/** Whether the token is `-`, which flow logs write for "absent" in every field. */
export const isDash = (line: string, start: number, stop: number): boolean =>
  stop - start === 1 && line.charCodeAt(start) === DASH;

/** The token as an unsigned decimal integer no greater than `max`, or -1. */
export const readUnsigned = (line: string, start: number, stop: number, max: number): number => {
  if (stop === start || stop - start > MAX_DIGITS) return -1;

  let value = 0;
  for (let index = start; index < stop; index += 1) {
    const digit = line.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value <= max ? value : -1;
};

/**
 * The token as a dotted-quad IPv4 address, or -1. Accepts exactly what `parseIpv4`
 * accepts: four decimal octets 0-255 without leading zeros.
 */
export const readIpv4 = (line: string, start: number, stop: number): number => {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;

  for (let index = start; index < stop; index += 1) {
    const code = line.charCodeAt(index);
    if (code === DOT) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
      continue;
    }

    const digit = code - ZERO;
    if (digit < 0 || digit > 9 || (digits > 0 && octet === 0)) return -1;
    octet = octet * 10 + digit;
    digits += 1;
    if (octet > 255) return -1;
  }

  return dots === 3 && digits > 0 ? value * 256 + octet : -1;
};

/** Whether the token equals `word`, compared in place. */
export const tokenIs = (line: string, start: number, stop: number, word: string): boolean =>
  stop - start === word.length && line.startsWith(word, start);

/** The word of `words` that the token equals, compared in place, or `undefined`. */
export const matchWord = <W extends string>(
  line: string,
  start: number,
  stop: number,
  words: readonly W[],
): W | undefined => {
  for (const word of words) {
    if (tokenIs(line, start, stop, word)) return word;
  }
  return undefined;
};
