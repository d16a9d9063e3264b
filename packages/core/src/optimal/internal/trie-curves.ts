import { IPV4_BITS } from "../../address/ipv4.js";
import type { CoverTrie } from "./cover-trie.js";

/**
 * The cost curve of every trie node, capped at `cap` prefixes, with the split that
 * achieves each value. For node v, `cost[offset[v] + k − 1]` is the fewest addresses any
 * cover of v's leaves by at most k prefixes trusts, for k = 1 … min(span(v), cap); and
 * for k ≥ 2, `split[offset[v] + k − 1]` is how many of those k prefixes go to the left
 * child. Both are flat typed arrays indexed through `offset`, so the whole table is a
 * few allocations however many nodes there are.
 */
export interface TrieCurves {
  readonly trie: CoverTrie;
  readonly cap: number;
  readonly offset: Int32Array;
  readonly cost: Float64Array;
  readonly split: Int32Array;
}

/**
 * Fills the table bottom-up with the recurrence f_v(1) = size(v), and for k ≥ 2,
 * f_v(k) = min over k₁ + k₂ = k of f_left(k₁) + f_right(k₂).
 * Covering v whole never beats a split once k ≥ 2: the children are disjoint prefixes
 * inside v, so even one prefix each costs at most size(v). The min-plus step is exact
 * (curves need not be convex) and takes the smallest k₁ among equal sums, so ties always
 * resolve the same way. Each node's work is bounded by the product of its children's
 * capped curve lengths, which sums to O(n · cap) over the trie, and storage is the sum of
 * min(span, cap) over nodes, at most 33 · n since no leaf has more than 32 ancestors.
 */
export const computeTrieCurves = (trie: CoverTrie, cap: number): TrieCurves => {
  const { leaves, span, bottomUp } = trie;
  const offset = new Int32Array(Math.max(2 * leaves - 1, 0));
  let total = 0;
  for (let node = 0; node < offset.length; node += 1) {
    offset[node] = total;
    total += Math.min(span[node] as number, cap);
  }

  const curves = {
    trie,
    cap,
    offset,
    cost: new Float64Array(total),
    split: new Int32Array(total),
  };
  for (let leaf = 0; leaf < leaves; leaf += 1) {
    curves.cost[offset[leaf] as number] = 2 ** (IPV4_BITS - (trie.length[leaf] as number));
  }
  for (const node of bottomUp) {
    combineChildren(curves, node);
  }
  return curves;
};

/**
 * One node's min-plus step. Only splits whose sum can still reach the previous value
 * f_v(k − 1) ≥ f_v(k) are tried: a left share k₁ whose f_left(k₁) plus the right curve's
 * floor already exceeds it cannot be optimal, nor can any smaller k₁ (curves never rise),
 * and likewise on the right. Ties survive the cut (their sum is f_v(k)), so the result
 * is the full minimum with the same tie-break, just found with fewer sums; since the
 * bound only falls as k grows, both cut-offs only move forward.
 */
const combineChildren = (curves: TrieCurves, node: number): void => {
  const { trie, cost, split } = curves;
  const left = curveOf(curves, trie.left[node] as number);
  const right = curveOf(curves, trie.right[node] as number);
  const { start, count } = curveOf(curves, node);
  const leftFloor = cost[left.start + left.count - 1] as number;
  const rightFloor = cost[right.start + right.count - 1] as number;

  cost[start] = 2 ** (IPV4_BITS - (trie.length[node] as number));
  let fromLeft = 1;
  let fromRight = 1;
  for (let k = 2; k <= count; k += 1) {
    const bound = cost[start + k - 2] as number;
    fromLeft = firstWithin(cost, left, fromLeft, bound - rightFloor);
    fromRight = firstWithin(cost, right, fromRight, bound - leftFloor);

    let best = Infinity;
    let bestLeft = 0;
    const last = Math.min(left.count, k - fromRight);
    for (let k1 = Math.max(fromLeft, k - right.count); k1 <= last; k1 += 1) {
      const sum =
        (cost[left.start + k1 - 1] as number) + (cost[right.start + k - k1 - 1] as number);
      if (sum < best) {
        best = sum;
        bestLeft = k1;
      }
    }
    cost[start + k - 1] = best;
    split[start + k - 1] = bestLeft;
  }
};

interface CurveSlice {
  readonly start: number;
  readonly count: number;
}

const curveOf = (curves: TrieCurves, node: number): CurveSlice => ({
  start: curves.offset[node] as number,
  count: Math.min(curves.trie.span[node] as number, curves.cap),
});

/** The first share from `from` on whose cost is at most `limit` (or the last share). */
const firstWithin = (
  cost: Float64Array,
  curve: CurveSlice,
  from: number,
  limit: number,
): number => {
  let share = from;
  while (share < curve.count && (cost[curve.start + share - 1] as number) > limit) {
    share += 1;
  }
  return share;
};
