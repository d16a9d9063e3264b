import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  TCP,
  blockSize,
  compactGroup,
  ipv4Cidr,
  isSubsetOf,
  type Ipv4Cidr,
  type Rule,
} from "@sg/core";
import { addressesHeld, cidr } from "./arbitraries.js";

const WINDOW = cidr("10.0.0.0/26");

/** Distinct blocks inside the window: one class, every shape of nesting and gaps. */
const windowBlocks = fc.uniqueArray(
  fc
    .record({ offset: fc.nat({ max: 63 }), length: fc.integer({ min: 26, max: 32 }) })
    .map(({ offset, length }) => ipv4Cidr(WINDOW.base + offset, length)),
  { maxLength: 14, size: "medium", selector: (block) => `${block.base}/${block.length}` },
);

const ruleFrom = (block: Ipv4Cidr, index: number): Rule => ({
  groupId: "sg-0optimal",
  ruleId: `sgr-${index}`,
  protocol: TCP,
  ports: { from: 443, to: 443 },
  source: { kind: "cidr", cidr: block },
});

interface Cost {
  readonly blocks: number;
  readonly added: number;
}

const better = (a: Cost, b: Cost): Cost =>
  a.blocks < b.blocks || (a.blocks === b.blocks && a.added <= b.added) ? a : b;

/** The addresses of `prefix` that some block admits. */
const heldIn = (prefix: Ipv4Cidr, blocks: readonly Ipv4Cidr[]): number =>
  blocks.some((block) => isSubsetOf(prefix, block))
    ? blockSize(prefix)
    : addressesHeld(prefix, blocks);

/**
 * The brute-force answer over every prefix of the window, not only the ones the solver
 * visits, and without assuming that rules stay whole: each prefix holding an admitted
 * address is either one final block (allowed when its unadmitted share is within the
 * ratio) or split into its halves; a prefix with no admitted address costs nothing.
 */
const bruteForce = (prefix: Ipv4Cidr, blocks: readonly Ipv4Cidr[], ratio: number): Cost => {
  const size = blockSize(prefix);
  const held = heldIn(prefix, blocks);
  if (held === 0) return { blocks: 0, added: 0 };

  const uncovered = size - held;
  const whole = uncovered * 100 <= ratio * size ? { blocks: 1, added: uncovered } : undefined;
  if (prefix.length === 32) return whole!;

  const left = bruteForce(ipv4Cidr(prefix.base, prefix.length + 1), blocks, ratio);
  const right = bruteForce(ipv4Cidr(prefix.base + size / 2, prefix.length + 1), blocks, ratio);
  const split = { blocks: left.blocks + right.blocks, added: left.added + right.added };
  return whole === undefined ? split : better(whole, split);
};

describe("compactGroup: optimality", () => {
  test.prop([windowBlocks, fc.integer({ min: 0, max: 100 })], { numRuns: 400 })(
    "should reach the fewest blocks, then the fewest added addresses, of any prefix set",
    (blocks, ratio) => {
      const rules = blocks.map(ruleFrom);

      const compaction = compactGroup({ groupId: "sg-0optimal", rules }, 1000, ratio);

      expect({ blocks: compaction.rulesAfter, added: compaction.addedAddresses }).toEqual(
        bruteForce(WINDOW, blocks, ratio),
      );
    },
  );
});
