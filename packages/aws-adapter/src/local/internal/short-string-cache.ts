/** Strings longer than this many bytes are decoded afresh each time. */
const LONGEST = 32;
const SLOTS = 4096;

/**
 * Remembers the strings recently decoded from short ASCII byte runs, so a key or value
 * that repeats (property names, interface ids, protocols) is decoded once and shared by
 * every object that holds it. Each run maps to one slot by a cheap fingerprint; a slot
 * holds the last string seen there, checked byte by byte before reuse, so a collision only
 * costs a fresh decode. Memory is bounded by the slot count.
 */
export class ShortStringCache {
  private readonly texts: string[] = new Array<string>(SLOTS).fill("");

  /** The UTF-8 text of `bytes` from `start` to `end`, from the cache when it is there. */
  text(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length === 0 || length > LONGEST) return utf8(bytes, start, end);

    const slot = fingerprint(bytes, start, end) & (SLOTS - 1);
    const cached = this.texts[slot] as string;
    if (sameAscii(cached, bytes, start, length)) return cached;

    const text = utf8(bytes, start, end);
    if (text.length === length) this.texts[slot] = text;
    return text;
  }
}

/** FNV-1a over the length and four of the bytes: enough to spread keys and short values. */
const fingerprint = (bytes: Buffer, start: number, end: number): number => {
  let hash = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  hash = Math.imul(hash ^ (bytes[start] as number), 0x01000193);
  hash = Math.imul(hash ^ (bytes[(start + end) >> 1] as number), 0x01000193);
  hash = Math.imul(hash ^ (bytes[end - 1] as number), 0x01000193);
  hash = Math.imul(hash ^ (bytes[end - 2] ?? 0), 0x01000193);
  return hash ^ (hash >>> 16);
};

/**
 * Whether `text` spells the bytes exactly. Only texts with one code unit per byte are
 * cached, and such a text holds ASCII or U+FFFD (for an invalid byte), which no byte
 * equals; so a match means ASCII bytes that decode to this very text.
 */
const sameAscii = (text: string, bytes: Buffer, start: number, length: number): boolean => {
  if (text.length !== length) return false;

  for (let index = 0; index < length; index += 1) {
    if (text.charCodeAt(index) !== bytes[start + index]) return false;
  }
  return true;
};

/** UTF-8 text of a byte range; no encoding name, which skips a lookup on the hot path. */
const utf8 = (bytes: Buffer, start: number, end: number): string =>
  bytes.toString(undefined, start, end);
