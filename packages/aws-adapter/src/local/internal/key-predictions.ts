import type { ByteCursor } from "./json-byte-cursor.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Guesses each key of an object from the object before it at the same depth: in a long
 * array of entries every object has the same keys in the same order, so the guess is
 * checked against the bytes in one pass, with no decoding and no lookup. Only keys of
 * printable ASCII without quote or backslash are remembered, so matching bytes always
 * spell exactly that key. A wrong guess costs one failed comparison.
 */
export class KeyPredictions {
  private readonly shapes: (string | undefined)[][] = [];
  private readonly members: number[] = [];

  /** Starts counting the members of an object opened at `depth`. */
  open(depth: number): void {
    this.members[depth] = 0;
    this.shapes[depth] ??= [];
  }

  /**
   * The guessed key for the next member at `depth` when the bytes at the cursor (the
   * opening quote) spell it, the cursor then moved past the closing quote.
   */
  match(cursor: ByteCursor, depth: number): string | undefined {
    const guess = this.shapeAt(depth)[this.members[depth] as number];
    if (guess === undefined) return undefined;

    const { bytes } = cursor;
    const start = cursor.index + 1;
    const end = start + guess.length;
    if (end >= bytes.length || bytes[end] !== QUOTE) return undefined;
    for (let index = 0; index < guess.length; index += 1) {
      if (bytes[start + index] !== guess.charCodeAt(index)) return undefined;
    }

    cursor.index = end + 1;
    return guess;
  }

  /** Records the key of the next member at `depth`, for the next object there. */
  record(depth: number, key: string, guessed: boolean): void {
    const member = this.members[depth] as number;
    this.members[depth] = member + 1;
    if (guessed) return;

    this.shapeAt(depth)[member] = plainAscii(key) ? key : undefined;
  }

  private shapeAt(depth: number): (string | undefined)[] {
    return this.shapes[depth] as (string | undefined)[];
  }
}

const plainAscii = (key: string): boolean => {
  for (let index = 0; index < key.length; index += 1) {
    const unit = key.charCodeAt(index);
    if (unit < 0x20 || unit >= 0x80 || unit === QUOTE || unit === BACKSLASH) return false;
  }
  return true;
};
