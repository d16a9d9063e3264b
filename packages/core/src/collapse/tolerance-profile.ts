import { IPV4_BITS } from "../address/ipv4.js";
import { withinTolerance } from "./tolerance.js";

const NEVER = 101;

/**
 * How many blocks layer 1 yields at every whole-percent tolerance 0 … 100, computed in
 * one linear pass: `profile[t]` equals `gapToleranceBlocks(sources, rule, t).length`.
 * Escalation reads its step counts from here instead of recomputing layer 1 each step.
 *
 * The sorted sources form a compressed binary trie whose branching nodes are the
 * longest common prefixes of neighbouring sources. A node with `count` sources becomes a
 * block at every tolerance from its own threshold (the least tolerance its common prefix
 * meets) up to, not including, the least threshold of its ancestors, where an ancestor
 * swallows it. Counting those intervals gives every tolerance at once.
 *
 * Contract: `sources` sorted and unique. A block's threshold does not depend on the rule's
 * length, only where the block starts, so the rule is not needed here.
 */
export const toleranceProfile = (sources: Uint32Array): Int32Array => {
  const profile = new Int32Array(NEVER + 1);
  const n = sources.length;
  if (n === 0) return profile.subarray(0, NEVER);

  const pairs = n - 1;
  const depth = new Uint8Array(pairs);
  for (let i = 0; i < pairs; i += 1) {
    depth[i] = Math.clz32((sources[i]! ^ sources[i + 1]!) >>> 0);
  }
  const { parent, lo, hi } = cartesianTree(depth);

  const threshold = new Uint8Array(pairs);
  for (let i = 0; i < pairs; i += 1) {
    threshold[i] = thresholdOf(2 ** (IPV4_BITS - depth[i]!), hi[i]! - lo[i]!);
  }

  const ceiling = new Uint8Array(pairs);
  for (const node of byDepth(depth)) {
    const up = parent[node]!;
    ceiling[node] = up < 0 ? NEVER : Math.min(ceiling[up]!, threshold[up]!);
    countInterval(profile, threshold[node]!, ceiling[node]!);
  }
  for (let leaf = 0; leaf < n; leaf += 1) {
    const up = leafParent(depth, leaf);
    countInterval(profile, 0, up < 0 ? NEVER : Math.min(ceiling[up]!, threshold[up]!));
  }

  for (let t = 1; t <= NEVER; t += 1) profile[t]! += profile[t - 1]!;
  return profile.subarray(0, NEVER);
};

const countInterval = (profile: Int32Array, from: number, to: number): void => {
  if (from < to) {
    profile[from]! += 1;
    profile[to]! -= 1;
  }
};

/** The least whole-percent tolerance at which `count` of `size` addresses suffice. */
const thresholdOf = (size: number, count: number): number => {
  let tolerance = Math.floor((100 * (size - count) + size - 1) / size);
  while (tolerance > 0 && withinTolerance(size, count, tolerance - 1)) tolerance -= 1;
  while (!withinTolerance(size, count, tolerance)) tolerance += 1;
  return tolerance;
};

/** A leaf hangs off the deeper of the two pairs beside it. */
const leafParent = (depth: Uint8Array, leaf: number): number => {
  const left = leaf - 1;
  const right = leaf < depth.length ? leaf : -1;
  if (left < 0) return right;
  if (right < 0) return left;
  return depth[left]! >= depth[right]! ? left : right;
};

/** Branching nodes from the root down: a parent's prefix is always shorter. */
const byDepth = (depth: Uint8Array): Uint32Array => {
  const starts = new Uint32Array(IPV4_BITS + 1);
  for (const d of depth) starts[d + 1]! += 1;
  for (let d = 1; d <= IPV4_BITS; d += 1) starts[d]! += starts[d - 1]!;

  const order = new Uint32Array(depth.length);
  for (let i = 0; i < depth.length; i += 1) order[starts[depth[i]!]!++] = i;
  return order;
};

/**
 * The trie of branching nodes as a Cartesian tree over neighbour prefix depths: a pair's
 * parent is the nearest shallower pair that encloses it. `lo`/`hi` bound the sources a
 * node holds (the addresses between its nearest shallower pairs on either side).
 */
const cartesianTree = (
  depth: Uint8Array,
): { parent: Int32Array; lo: Uint32Array; hi: Uint32Array } => {
  const pairs = depth.length;
  const parent = new Int32Array(pairs).fill(-1);
  const lo = new Uint32Array(pairs);
  const hi = new Uint32Array(pairs);
  const stack = new Int32Array(pairs);
  let top = 0;

  for (let i = 0; i < pairs; i += 1) {
    let last = -1;
    while (top > 0 && depth[stack[top - 1]!]! > depth[i]!) {
      last = stack[--top]!;
      hi[last] = i + 1;
    }
    if (last >= 0) parent[last] = i;
    if (top > 0) parent[i] = stack[top - 1]!;
    lo[i] = top > 0 ? stack[top - 1]! + 1 : 0;
    stack[top++] = i;
  }
  while (top > 0) hi[stack[--top]!] = pairs + 1;
  return { parent, lo, hi };
};
