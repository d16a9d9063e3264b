import {
  blockLast,
  blockSize,
  coveringBlock,
  sameBlock,
  type Ipv4Cidr,
} from "../../address/ipv4-cidr.js";
import type { Rule } from "../../rule/rule.js";
import type { CompactionRatio } from "../compaction.js";
import type { ClassRule } from "./compaction-classes.js";

/** One block of a class after compaction, and the class rules it stands for. */
export interface CompactedBlock {
  readonly block: Ipv4Cidr;
  /** The existing rule that is exactly this block; absent when the block is new. */
  readonly kept?: Rule;
  /** The class rules inside the block that are revoked. */
  readonly replaced: readonly Rule[];
  /** Addresses of the block that no class rule admitted. */
  readonly added: number;
}

/**
 * Compacts one class exactly: the fewest blocks that still admit every address the class
 * admitted, each either an existing rule or a prefix whose uncovered share is within
 * `ratio`, and among those the fewest added addresses.
 *
 * Why top-down is exact: a final block set is a set of disjoint prefixes. For the smallest
 * prefix C holding a set of rules (a node of the compressed trie), one block can stand
 * for all of them only if it contains C; C itself is the cheapest such block, and every
 * larger one holding the same rules has a larger uncovered share. So if C is an existing
 * rule it is kept (nothing added), else if C is within the ratio it is the only one-block
 * answer and the best one, else the halves of C are independent and solved the same way.
 * Blocks are inside C, hence inside the rules' RFC 1918 block.
 *
 * Contract: `rules` share protocol, ports and RFC 1918 block and are sorted by block
 * (base, wider first). O(n · 32). The input is not modified.
 */
export const widenClass = (
  rules: readonly ClassRule[],
  ratio: CompactionRatio,
): CompactedBlock[] => {
  const blocks: CompactedBlock[] = [];
  if (rules.length > 0) visit(rules, ratio, blocks);
  return blocks;
};

const visit = (rules: readonly ClassRule[], ratio: CompactionRatio, out: CompactedBlock[]) => {
  const cover = rules.map((entry) => entry.block).reduce(coveringBlock);

  const existing = rules.find((entry) => sameBlock(entry.block, cover));
  if (existing !== undefined) {
    const replaced = rules.filter((entry) => entry !== existing).map((entry) => entry.rule);
    out.push({ block: cover, kept: existing.rule, replaced, added: 0 });
    return;
  }

  const size = blockSize(cover);
  const added = size - coveredBy(rules);
  if (added * 100 <= ratio * size) {
    out.push({ block: cover, replaced: rules.map((entry) => entry.rule), added });
    return;
  }

  const middle = cover.base + size / 2;
  visit(
    rules.filter((entry) => entry.block.base < middle),
    ratio,
    out,
  );
  visit(
    rules.filter((entry) => entry.block.base >= middle),
    ratio,
    out,
  );
};

/** The addresses the union of the blocks holds; blocks sorted by base, wider first. */
const coveredBy = (rules: readonly ClassRule[]): number => {
  let covered = 0;
  let end = -1;
  for (const { block } of rules) {
    if (block.base <= end) continue;
    covered += blockSize(block);
    end = blockLast(block);
  }
  return covered;
};
