import { IPV4_BITS } from "../../address/ipv4.js";
import { ipv4Mask } from "../../address/ipv4-cidr.js";
import type { NormalisedBlocks } from "./normalise-required.js";

/**
 * The compressed binary prefix trie of a rule's required blocks: leaves are the blocks
 * themselves (ids 0 … n−1, in address order), and each internal node (ids n … 2n−2) is
 * the smallest prefix holding the leaves beneath it, with exactly two children, one in
 * each half of that prefix. Only branching prefixes appear, so the trie has 2n−1 nodes,
 * and since every child is a strictly longer prefix than its parent no path from the
 * root holds more than 33 nodes.
 */
export interface CoverTrie {
  readonly leaves: number;
  readonly root: number;
  readonly base: Uint32Array;
  readonly length: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly span: Int32Array;
  readonly bottomUp: Int32Array;
}

/**
 * Builds the trie of normalised blocks. The internal node between leaves i and i+1 is
 * their covering block; a range of leaves splits at the one gap whose covering block is
 * shortest (it is unique: only one neighbouring pair can straddle the midpoint of the
 * range's prefix), so the trie is the Cartesian tree of the gaps keyed by that length,
 * built here with the usual stack in O(n).
 */
export const buildCoverTrie = (blocks: NormalisedBlocks): CoverTrie => {
  const leaves = blocks.count;
  const nodes = Math.max(2 * leaves - 1, 0);
  const trie = {
    leaves,
    root: leaves === 0 ? -1 : 0,
    base: new Uint32Array(nodes),
    length: new Uint8Array(nodes),
    left: new Int32Array(nodes).fill(-1),
    right: new Int32Array(nodes).fill(-1),
    span: new Int32Array(nodes),
    bottomUp: new Int32Array(Math.max(leaves - 1, 0)),
  };

  trie.base.set(blocks.bases);
  trie.length.set(blocks.lengths);
  trie.span.fill(1, 0, leaves);
  for (let gap = 0; gap + 1 < leaves; gap += 1) {
    const lower = blocks.bases[gap] as number;
    const differing = (lower ^ (blocks.bases[gap + 1] as number)) >>> 0;
    const length = Math.min(Math.clz32(differing), blocks.lengths[gap] as number);
    trie.base[leaves + gap] = (lower & ipv4Mask(length)) >>> 0;
    trie.length[leaves + gap] = length;
  }

  linkGaps(trie);
  orderBottomUp(trie);
  return trie;
};

type MutableTrie = { -readonly [K in keyof CoverTrie]: CoverTrie[K] };

const linkGaps = (trie: MutableTrie): void => {
  const { leaves, length, left, right } = trie;
  const stack: number[] = [];

  for (let node = leaves; node < 2 * leaves - 1; node += 1) {
    const key = length[node] as number;
    let popped = -1;
    while (stack.length > 0 && (length[stack[stack.length - 1] as number] as number) > key) {
      popped = stack.pop() as number;
    }
    left[node] = popped === -1 ? node - leaves : popped;
    const top = stack[stack.length - 1];
    if (top !== undefined) {
      right[top] = node;
    }
    stack.push(node);
  }

  for (let node = leaves; node < 2 * leaves - 1; node += 1) {
    if (right[node] === -1) {
      right[node] = node - leaves + 1;
    }
  }
  trie.root = stack[0] ?? trie.root;
};

/**
 * Internal nodes sorted longest prefix first (a counting sort over the 33 lengths): a
 * child is always a longer prefix than its parent, so children come before parents.
 */
const orderBottomUp = (trie: MutableTrie): void => {
  const { leaves, length, left, right, span, bottomUp } = trie;
  const slot = new Int32Array(IPV4_BITS + 2);
  const bucketOf = (node: number): number => IPV4_BITS - (length[node] as number);
  for (let node = leaves; node < 2 * leaves - 1; node += 1) {
    slot[bucketOf(node) + 1] = (slot[bucketOf(node) + 1] as number) + 1;
  }
  for (let bucket = 1; bucket < slot.length; bucket += 1) {
    slot[bucket] = (slot[bucket] as number) + (slot[bucket - 1] as number);
  }

  for (let node = leaves; node < 2 * leaves - 1; node += 1) {
    const bucket = bucketOf(node);
    bottomUp[slot[bucket] as number] = node;
    slot[bucket] = (slot[bucket] as number) + 1;
  }

  for (const node of bottomUp) {
    span[node] = (span[left[node] as number] as number) + (span[right[node] as number] as number);
  }
};
