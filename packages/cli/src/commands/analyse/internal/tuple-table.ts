/** Rows per page: pages are allocated whole, so a page bounds the slack of a growing table. */
const PAGE_BITS = 14;
const PAGE_ROWS = 1 << PAGE_BITS;
const ROW_MASK = PAGE_ROWS - 1;
/** A row is 40 bytes: four 32-bit keys, then first sighting, last sighting and count. */
const ROW_WORDS = 10;
const ROW_DOUBLES = 5;
const SEEN_OFFSET = 2;
const FIRST_CAPACITY = 1 << 12;

/**
 * A table's rows as pages another thread can take over: each page's keys and sightings
 * are two views of one buffer, so that a row sits in one or two cache lines.
 */
export interface TupleRows {
  readonly size: number;
  readonly keys: readonly Uint32Array[];
  readonly seen: readonly Float64Array[];
}

/** Key `k` (0-3) of `row` in `rows`. */
export const keyOf = (rows: TupleRows, row: number, k: number): number =>
  rows.keys[row >>> PAGE_BITS]![(row & ROW_MASK) * ROW_WORDS + k]!;

/** First sighting, last sighting or count (`k` 0, 1 or 2) of `row` in `rows`. */
export const sightingOf = (rows: TupleRows, row: number, k: number): number =>
  rows.seen[row >>> PAGE_BITS]![(row & ROW_MASK) * ROW_DOUBLES + SEEN_OFFSET + k]!;

/** The buffers under `rows`, to transfer them to another thread instead of copying. */
export const buffersOf = (rows: TupleRows): ArrayBuffer[] =>
  rows.keys.map((page) => page.buffer as ArrayBuffer);

const hashOf = (a: number, b: number, c: number, d: number): number => {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ b, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16) ^ c, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ d, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
};

/**
 * A hash table of distinct four-number keys (unsigned 32-bit each), each with the earliest
 * first sighting, the latest last sighting and a count. Rows live in typed-array pages of
 * 40 bytes a row and the index in one Int32Array, so ten million rows cost about 54 bytes
 * each and the garbage collector sees a few hundred objects instead of tens of millions.
 */
export class TupleTable {
  private readonly keys: Uint32Array[] = [];
  private readonly seen: Float64Array[] = [];
  private index = new Int32Array(FIRST_CAPACITY);
  private rows = 0;

  /** The number of distinct keys. */
  get size(): number {
    return this.rows;
  }

  /** Counts `count` sightings of a key between `first` and `last`. */
  add(a: number, b: number, c: number, d: number, first: number, last: number, count: number) {
    const mask = this.index.length - 1;
    let slot = hashOf(a, b, c, d) & mask;
    for (let row = this.index[slot]! - 1; row >= 0; row = this.index[slot]! - 1) {
      const keys = this.keys[row >>> PAGE_BITS]!;
      const at = (row & ROW_MASK) * ROW_WORDS;
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === c && keys[at + 3] === d) {
        this.widen(row, first, last, count);
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.insert(slot, a, b, c, d, first, last, count);
  }

  /** The rows, to read with {@link keyOf} and {@link sightingOf} or to hand to a thread. */
  rowsView(): TupleRows {
    return { size: this.rows, keys: this.keys, seen: this.seen };
  }

  /** Bytes held by the rows and the index, for the memory benchmark. */
  bytesHeld(): number {
    return this.keys.length * PAGE_ROWS * ROW_WORDS * 4 + this.index.byteLength;
  }

  private widen(row: number, first: number, last: number, count: number): void {
    const seen = this.seen[row >>> PAGE_BITS]!;
    const at = (row & ROW_MASK) * ROW_DOUBLES + SEEN_OFFSET;
    if (first < seen[at]!) seen[at] = first;
    if (last > seen[at + 1]!) seen[at + 1] = last;
    seen[at + 2]! += count;
  }

  private insert(
    slot: number,
    a: number,
    b: number,
    c: number,
    d: number,
    first: number,
    last: number,
    count: number,
  ): void {
    const row = this.rows;
    if ((row & ROW_MASK) === 0) {
      const page = new ArrayBuffer(PAGE_ROWS * ROW_WORDS * 4);
      this.keys.push(new Uint32Array(page));
      this.seen.push(new Float64Array(page));
    }

    const keys = this.keys[row >>> PAGE_BITS]!;
    const at = (row & ROW_MASK) * ROW_WORDS;
    keys[at] = a;
    keys[at + 1] = b;
    keys[at + 2] = c;
    keys[at + 3] = d;
    const seen = this.seen[row >>> PAGE_BITS]!;
    const from = (row & ROW_MASK) * ROW_DOUBLES + SEEN_OFFSET;
    seen[from] = first;
    seen[from + 1] = last;
    seen[from + 2] = count;
    this.index[slot] = row + 1;
    this.rows += 1;

    if (this.rows * 2 > this.index.length) this.grow();
  }

  /** Doubles the index and places every row again; rows themselves never move. */
  private grow(): void {
    const index = new Int32Array(this.index.length * 2);
    const mask = index.length - 1;
    for (let row = 0; row < this.rows; row += 1) {
      const keys = this.keys[row >>> PAGE_BITS]!;
      const at = (row & ROW_MASK) * ROW_WORDS;
      let slot = hashOf(keys[at]!, keys[at + 1]!, keys[at + 2]!, keys[at + 3]!) & mask;
      while (index[slot] !== 0) slot = (slot + 1) & mask;
      index[slot] = row + 1;
    }
    this.index = index;
  }
}
