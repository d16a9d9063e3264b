import { ipv4Cidr, type Ipv4Cidr } from "../../address/ipv4-cidr.js";
import type { TrieCurves } from "./trie-curves.js";

/**
 * The fewest prefixes that reach the root curve's value at `prefixes`: the smallest j ≤
 * `prefixes` with the same cost. Curves are non-increasing, so this is where the last
 * drop happened; `prefixes` must be within the curve (1 … its length).
 */
export const fewestPrefixesFor = (curves: TrieCurves, prefixes: number): number => {
  const { cost, offset, trie } = curves;
  const start = offset[trie.root] as number;
  const target = cost[start + prefixes - 1] as number;
  let fewest = prefixes;
  while (fewest > 1 && cost[start + fewest - 2] === target) {
    fewest -= 1;
  }
  return fewest;
};

/**
 * The cover behind the root curve's value at `prefixes` (1 … curve length), in address
 * order. It starts from {@link fewestPrefixesFor}, so the cover uses exactly that many
 * prefixes: with the fewest count at a node, a stored split cannot hand either child
 * more than its own fewest count for the same cost (else the node would reach that cost
 * with fewer prefixes), so every node on the walk is again at its fewest count, and a
 * node at count 1 is taken whole. The prefixes are disjoint because chosen nodes never
 * nest.
 */
export const recoverCover = (curves: TrieCurves, prefixes: number): Ipv4Cidr[] => {
  const { trie, offset, split } = curves;
  const cover: Ipv4Cidr[] = [];
  const pending: number[] = [trie.root, fewestPrefixesFor(curves, prefixes)];

  while (pending.length > 0) {
    const count = pending.pop() as number;
    const node = pending.pop() as number;
    if (count === 1) {
      cover.push(ipv4Cidr(trie.base[node] as number, trie.length[node] as number));
      continue;
    }

    const toLeft = split[(offset[node] as number) + count - 1] as number;
    pending.push(trie.right[node] as number, count - toLeft);
    pending.push(trie.left[node] as number, toLeft);
  }
  return cover;
};
