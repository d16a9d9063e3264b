import {
  blockSize,
  coveringBlock,
  isSubsetOf,
  mergeSiblings,
  type Ipv4Cidr,
} from "../address/ipv4-cidr.js";
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
  prev: Node | undefined;
  next: Node | undefined;
  alive: boolean;
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
  const heap = new MinHeap<Candidate>(byCost);
  for (const head of heads) {
    for (let node = head; node?.next !== undefined; node = node.next) {
      heap.push(candidateOf(node, node.next));
    }
  }

  let total = ruleBlocks.reduce((sum, blocks) => sum + blocks.length, 0);
  const merges: ForcedMerge[] = [];
  while (total > budget && heap.size > 0) {
    const popped = heap.pop()!;
    if (!isCurrent(popped)) continue;

    const candidate = candidateOf(popped.left, popped.right);
    if (candidate.added !== popped.added) {
      heap.push(candidate);
      continue;
    }

    const { merged, node } = mergeCandidate(candidate, heads);
    total -= merged.length - 1;
    merges.push({
      ruleIndex: node.ruleIndex,
      merged,
      into: node.block,
      addedAddresses: candidate.added,
    });
    if (node.prev) heap.push(candidateOf(node.prev, node));
    if (node.next) heap.push(candidateOf(node, node.next));
  }

  return { blocks: heads.map(listBlocks), merges };
};

const linkBlocks = (blocks: readonly Ipv4Cidr[], ruleIndex: number): Node | undefined => {
  let head: Node | undefined;
  let tail: Node | undefined;
  for (const block of blocks) {
    const node: Node = { block, ruleIndex, prev: tail, next: undefined, alive: true };
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

const candidateOf = (left: Node, right: Node): Candidate => {
  const cover = coveringBlock(left.block, right.block);
  const [first, last] = spanInside(left, right, cover);

  let covered = 0;
  for (let node: Node | undefined = first; node !== last.next; node = node!.next) {
    covered += blockSize(node!.block);
  }
  return { left, right, cover, added: blockSize(cover) - covered };
};

/** Replaces the nodes inside the candidate's cover with one node, then merges siblings. */
const mergeCandidate = (
  candidate: Candidate,
  heads: (Node | undefined)[],
): { merged: Ipv4Cidr[]; node: Node } => {
  const [first, last] = spanInside(candidate.left, candidate.right, candidate.cover);
  const merged: Ipv4Cidr[] = [];
  for (let node: Node | undefined = first; node !== last.next; node = node!.next) {
    node!.alive = false;
    merged.push(node!.block);
  }

  const node = spliceIn(first.prev, last.next, candidate.cover, first.ruleIndex, heads);
  for (;;) {
    const neighbour =
      node.prev && mergeSiblings(node.prev.block, node.block) ? node.prev : node.next;
    const parent = neighbour && mergeSiblings(neighbour.block, node.block);
    if (!neighbour || !parent) break;

    merged.push(neighbour.block);
    neighbour.alive = false;
    unlink(neighbour, heads);
    node.block = parent;
  }
  return { merged, node };
};

const spliceIn = (
  prev: Node | undefined,
  next: Node | undefined,
  block: Ipv4Cidr,
  ruleIndex: number,
  heads: (Node | undefined)[],
): Node => {
  const node: Node = { block, ruleIndex, prev, next, alive: true };
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
