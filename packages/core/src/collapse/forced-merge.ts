import {
  blockSize,
  coveringBlock,
  isSubsetOf,
  mergeSiblings,
  type Ipv4Cidr,
} from "../address/ipv4-cidr.js";
import { Fenwick } from "../internal/fenwick.js";
import { MinHeap } from "../internal/min-heap.js";

/** One forced merge: `merged` blocks of one rule replaced by `into`. */
export interface ForcedMerge {
  readonly ruleIndex: number;
  readonly merged: readonly Ipv4Cidr[];
  readonly into: Ipv4Cidr;
  /** Addresses `into` trusts that none of the merged blocks did. */
  readonly addedAddresses: number;
}

interface Node {
  block: Ipv4Cidr;
  readonly ruleIndex: number;
  /** Where the node's trusted addresses are counted in its rule's ledger. */
  position: number;
  prev: Node | undefined;
  next: Node | undefined;
  alive: boolean;
}

/** Per rule: the original block bases, and the addresses trusted at each position. */
interface Ledger {
  readonly bases: Float64Array;
  readonly trusted: Fenwick;
}

interface Candidate {
  readonly left: Node;
  readonly right: Node;
  readonly cover: Ipv4Cidr;
  readonly added: number;
}

const byCost = (a: Candidate, b: Candidate): number =>
  a.added - b.added ||
  a.left.ruleIndex - b.left.ruleIndex ||
  a.cover.base - b.cover.base ||
  a.cover.length - b.cover.length;

/**
 * Layer 3 of the collapse: while the group holds more blocks than `budget`, replace the
 * pair of blocks (of the same rule) whose covering prefix adds the least address space
 * with that prefix, then merge exact siblings. Only neighbouring blocks need comparing:
 * the cover of two blocks contains every block between them, so a farther pair never
 * adds less. Ties go to the lower rule index, then the lower, wider cover.
 *
 * Contract: each rule's blocks are disjoint and sorted; merges never leave a rule's own
 * list, so nothing widens past the covering prefix of that rule's blocks (inside the
 * rule, hence inside its RFC 1918 block). Stops when within budget or when every rule
 * is down to one block. The input is not modified.
 */
export const forceMergeToBudget = (
  ruleBlocks: readonly (readonly Ipv4Cidr[])[],
  budget: number,
): { blocks: Ipv4Cidr[][]; merges: ForcedMerge[] } => {
  const heads = ruleBlocks.map((blocks, ruleIndex) => linkBlocks(blocks, ruleIndex));
  const ledgers = ruleBlocks.map(ledgerOf);
  const heap = new MinHeap<Candidate>(byCost);
  for (const head of heads) {
    for (let node = head; node?.next !== undefined; node = node.next) {
      heap.push(candidateOf(node, node.next, ledgers));
    }
  }

  let total = ruleBlocks.reduce((sum, blocks) => sum + blocks.length, 0);
  const merges: ForcedMerge[] = [];
  while (total > budget && heap.size > 0) {
    const popped = heap.pop()!;
    if (!isCurrent(popped)) continue;

    const candidate = candidateOf(popped.left, popped.right, ledgers);
    if (candidate.added !== popped.added) {
      heap.push(candidate);
      continue;
    }

    const { merged, node } = mergeCandidate(candidate, heads, ledgers[candidate.left.ruleIndex]!);
    total -= merged.length - 1;
    merges.push({
      ruleIndex: node.ruleIndex,
      merged,
      into: node.block,
      addedAddresses: candidate.added,
    });
    if (node.prev) heap.push(candidateOf(node.prev, node, ledgers));
    if (node.next) heap.push(candidateOf(node, node.next, ledgers));
  }

  return { blocks: heads.map(listBlocks), merges };
};

const linkBlocks = (blocks: readonly Ipv4Cidr[], ruleIndex: number): Node | undefined => {
  let head: Node | undefined;
  let tail: Node | undefined;
  for (const [position, block] of blocks.entries()) {
    const node: Node = { block, ruleIndex, position, prev: tail, next: undefined, alive: true };
    if (tail) tail.next = node;
    head ??= node;
    tail = node;
  }
  return head;
};

const listBlocks = (head: Node | undefined): Ipv4Cidr[] => {
  const blocks: Ipv4Cidr[] = [];
  for (let node = head; node !== undefined; node = node.next) blocks.push(node.block);
  return blocks;
};

const isCurrent = (candidate: Candidate): boolean =>
  candidate.left.alive && candidate.right.alive && candidate.left.next === candidate.right;

/** The outermost nodes next to `left` … `right` whose blocks lie inside `cover`. */
const spanInside = (left: Node, right: Node, cover: Ipv4Cidr): [Node, Node] => {
  let first = left;
  while (first.prev && isSubsetOf(first.prev.block, cover)) first = first.prev;
  let last = right;
  while (last.next && isSubsetOf(last.next.block, cover)) last = last.next;
  return [first, last];
};

const ledgerOf = (blocks: readonly Ipv4Cidr[]): Ledger => {
  const trusted = new Fenwick(blocks.length);
  blocks.forEach((block, position) => trusted.add(position, blockSize(block)));
  return { bases: Float64Array.from(blocks, (block) => block.base), trusted };
};

/**
 * Prices a pair by its cover's size less the addresses already trusted inside it. A block
 * inside the cover is counted at a position whose original base lies in the cover too,
 * and a block outside it never is, so a range sum over original bases is exact.
 */
const candidateOf = (left: Node, right: Node, ledgers: readonly Ledger[]): Candidate => {
  const cover = coveringBlock(left.block, right.block);
  const { bases, trusted } = ledgers[left.ruleIndex]!;
  const from = firstAtLeast(bases, cover.base);
  const to = firstAtLeast(bases, cover.base + blockSize(cover));
  return { left, right, cover, added: blockSize(cover) - trusted.sum(from, to) };
};

const firstAtLeast = (sorted: Float64Array, value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** Replaces the nodes inside the candidate's cover with one node, then merges siblings. */
const mergeCandidate = (
  candidate: Candidate,
  heads: (Node | undefined)[],
  ledger: Ledger,
): { merged: Ipv4Cidr[]; node: Node } => {
  const [first, last] = spanInside(candidate.left, candidate.right, candidate.cover);
  const merged: Ipv4Cidr[] = [];
  for (let node: Node | undefined = first; node !== last.next; node = node!.next) {
    node!.alive = false;
    merged.push(node!.block);
    ledger.trusted.add(node!.position, -blockSize(node!.block));
  }

  const node = spliceIn(first.prev, last.next, candidate.cover, first, heads);
  ledger.trusted.add(node.position, blockSize(node.block));
  for (;;) {
    const neighbour =
      node.prev && mergeSiblings(node.prev.block, node.block) ? node.prev : node.next;
    const parent = neighbour && mergeSiblings(neighbour.block, node.block);
    if (!neighbour || !parent) break;

    merged.push(neighbour.block);
    neighbour.alive = false;
    unlink(neighbour, heads);
    ledger.trusted.add(neighbour.position, -blockSize(neighbour.block));
    ledger.trusted.add(node.position, blockSize(parent) - blockSize(node.block));
    node.block = parent;
  }
  return { merged, node };
};

const spliceIn = (
  prev: Node | undefined,
  next: Node | undefined,
  block: Ipv4Cidr,
  first: Node,
  heads: (Node | undefined)[],
): Node => {
  const { ruleIndex, position } = first;
  const node: Node = { block, ruleIndex, position, prev, next, alive: true };
  if (prev) prev.next = node;
  else heads[ruleIndex] = node;
  if (next) next.prev = node;
  return node;
};

const unlink = (node: Node, heads: (Node | undefined)[]): void => {
  if (node.prev) node.prev.next = node.next;
  else heads[node.ruleIndex] = node.next;
  if (node.next) node.next.prev = node.prev;
};
