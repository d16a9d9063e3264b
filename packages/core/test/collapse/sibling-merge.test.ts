import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { blockSize, ipv4Cidr, mergeExactSiblings, type Ipv4Cidr } from "@sg/core";

const UNIVERSE = ipv4Cidr(0x0a000000, 24);

/** The unique minimal CIDR decomposition of a set of offsets in the universe. */
const minimalDecomposition = (present: readonly boolean[]): Ipv4Cidr[] => {
  const blocks: Ipv4Cidr[] = [];
  let offset = 0;
  while (offset < present.length) {
    if (!present[offset]) {
      offset += 1;
      continue;
    }
    let length = 32;
    while (length > UNIVERSE.length) {
      const wider = ipv4Cidr(UNIVERSE.base + offset, length - 1);
      const start = wider.base - UNIVERSE.base;
      if (start !== offset || !present.slice(start, start + blockSize(wider)).every(Boolean)) break;
      length -= 1;
    }
    blocks.push(ipv4Cidr(UNIVERSE.base + offset, length));
    offset += blockSize(ipv4Cidr(0, length));
  }
  return blocks;
};

/** Disjoint sorted blocks inside the universe, as a partition of some offsets. */
const disjointBlocks = fc
  .array(fc.tuple(fc.nat({ max: 255 }), fc.integer({ min: 26, max: 32 })), { maxLength: 30 })
  .map((picks) => {
    const taken = new Array<boolean>(256).fill(false);
    const blocks: Ipv4Cidr[] = [];
    for (const [offset, length] of picks) {
      const block = ipv4Cidr(UNIVERSE.base + offset, length);
      const start = block.base - UNIVERSE.base;
      const cells = taken.slice(start, start + blockSize(block));
      if (cells.some(Boolean)) continue;
      cells.forEach((_, i) => (taken[start + i] = true));
      blocks.push(block);
    }
    return { blocks: blocks.sort((a, b) => a.base - b.base), taken };
  });

describe("mergeExactSiblings", () => {
  test.prop([disjointBlocks])(
    "should equal the minimal decomposition of the same addresses",
    ({ blocks, taken }) => {
      expect(mergeExactSiblings(blocks)).toEqual(minimalDecomposition(taken));
    },
  );
});
