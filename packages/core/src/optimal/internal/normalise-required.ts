import type { Ipv4Cidr } from "../../address/ipv4-cidr.js";
import { IPV4_BITS } from "../../address/ipv4.js";

/** Sorted, disjoint blocks held as parallel typed arrays: `bases[i]/lengths[i]`. */
export interface NormalisedBlocks {
  readonly count: number;
  readonly bases: Uint32Array;
  readonly lengths: Uint8Array;
}

const LENGTH_SLOTS = 64;

/**
 * The canonical form of a set of required blocks: sorted by address, with any block that
 * lies inside another dropped, and sibling halves merged into their parent until no two
 * siblings remain. It admits exactly the same addresses as its input, whatever the input
 * order, which is what makes every later step deterministic.
 *
 * Blocks are sorted as numbers (base · 64 + length, exact in a double), wider first at
 * one base, so no comparator runs. One pass with a stack then suffices: in address order
 * a block's left sibling, or the merge that produced it, is always the top of the stack.
 */
export const normaliseRequired = (required: readonly Ipv4Cidr[]): NormalisedBlocks => {
  const keys = new Float64Array(required.length);
  required.forEach((block, index) => {
    keys[index] = block.base * LENGTH_SLOTS + block.length;
  });
  keys.sort();

  const bases = new Uint32Array(required.length);
  const lengths = new Uint8Array(required.length);
  let count = 0;
  for (const key of keys) {
    let base = Math.floor(key / LENGTH_SLOTS);
    let length = key % LENGTH_SLOTS;
    if (count > 0 && holds(bases[count - 1] as number, lengths[count - 1] as number, base)) {
      continue;
    }

    while (
      count > 0 &&
      isLeftSibling(bases[count - 1] as number, lengths[count - 1] as number, base, length)
    ) {
      count -= 1;
      base = bases[count] as number;
      length -= 1;
    }
    bases[count] = base;
    lengths[count] = length;
    count += 1;
  }
  return { count, bases: bases.subarray(0, count), lengths: lengths.subarray(0, count) };
};

const sizeOf = (length: number): number => 2 ** (IPV4_BITS - length);

/** Whether the block `base/length` holds the address (blocks arrive base-ascending). */
const holds = (base: number, length: number, address: number): boolean =>
  address < base + sizeOf(length);

/** Whether `left` is the lower half and `base/length` the upper half of one prefix. */
const isLeftSibling = (left: number, leftLength: number, base: number, length: number): boolean =>
  length > 0 &&
  leftLength === length &&
  base === left + sizeOf(length) &&
  left % (2 * sizeOf(length)) === 0;
