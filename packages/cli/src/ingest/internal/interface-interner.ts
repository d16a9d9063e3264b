import type { Utf8Decode } from "@sg/core";

const FIRST_CAPACITY = 1 << 10;
/**
 * Hashes an id by its length and its last eight bytes: ids share a prefix (`eni-`) and
 * differ in their hex tail, and a full comparison settles every match anyway.
 */
const hashOf = (bytes: Uint8Array, start: number, stop: number): number => {
  let hash = Math.imul(stop - start, 0x9e3779b1);
  for (let at = Math.max(start, stop - 8); at < stop; at += 1) {
    hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
  }
  return hash ^ (hash >>> 15);
};

/**
 * Maps the bytes of an interface id to the index a tally gave the decoded id, so that each
 * distinct id is decoded once per worker rather than once per record. Ids are kept as
 * bytes in one growing pool and found through an open-addressing index.
 */
export class InterfaceInterner {
  private pool = new Uint8Array(1 << 14);
  private poolUsed = 0;
  /** Where each entry's bytes start in the pool; one more element marks the pool's end. */
  private readonly starts: number[] = [0];
  private readonly values: number[] = [];
  private index = new Int32Array(FIRST_CAPACITY);

  constructor(
    private readonly assign: (interfaceId: string) => number,
    private readonly decode: Utf8Decode,
  ) {}

  /** The tally index of the id held in `bytes[start, stop)`. */
  indexOf(bytes: Uint8Array, start: number, stop: number): number {
    const mask = this.index.length - 1;
    let slot = hashOf(bytes, start, stop) & mask;
    for (let entry = this.index[slot]! - 1; entry >= 0; entry = this.index[slot]! - 1) {
      if (this.holds(entry, bytes, start, stop)) return this.values[entry]!;
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, bytes, start, stop);
  }

  private holds(entry: number, bytes: Uint8Array, start: number, stop: number): boolean {
    const from = this.starts[entry]!;
    if (this.starts[entry + 1]! - from !== stop - start) return false;

    for (let offset = stop - start - 1; offset >= 0; offset -= 1) {
      if (this.pool[from + offset] !== bytes[start + offset]) return false;
    }
    return true;
  }

  private insert(slot: number, bytes: Uint8Array, start: number, stop: number): number {
    if (this.poolUsed + stop - start > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + stop - start));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }

    this.pool.set(bytes.subarray(start, stop), this.poolUsed);
    this.poolUsed += stop - start;
    this.starts.push(this.poolUsed);
    const value = this.assign(this.decode(bytes, start, stop));
    this.values.push(value);
    this.index[slot] = this.values.length;

    if (this.values.length * 2 > this.index.length) this.rebuild();
    return value;
  }

  private rebuild(): void {
    const index = new Int32Array(this.index.length * 2);
    const mask = index.length - 1;
    for (let entry = 0; entry < this.values.length; entry += 1) {
      let slot = hashOf(this.pool, this.starts[entry]!, this.starts[entry + 1]!) & mask;
      while (index[slot] !== 0) slot = (slot + 1) & mask;
      index[slot] = entry + 1;
    }
    this.index = index;
  }
}
