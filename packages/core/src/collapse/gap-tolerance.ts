import { IPV4_BITS } from "../address/ipv4.js";
import { ipv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import { lowerBound } from "../internal/sorted-addresses.js";
import { widestTolerableSize, type TolerancePercent } from "./tolerance.js";

/**
 * Layer 1 of the collapse: gap tolerance. For each observed address, trust the widest
 * prefix that contains it, lies inside `ruleBlock`, and whose never-observed fraction is
 * within `tolerance`. Returns those prefixes, disjoint and sorted.
 *
 * "Walk outward to the widest containing prefix" is read literally as the widest
 * qualifying ancestor, not the last one before the first failure: a /31 with one of two
 * addresses seen fails at 30% while its /30 with three of four seen passes, and stopping
 * at the /31 would leave three /32s where one /30 is supported by the evidence.
 *
 * Contract: `sources` is sorted, unique, and inside `ruleBlock`. Every source is covered;
 * every returned block is inside `ruleBlock` and within tolerance; a higher tolerance
 * yields a coarsening (never more blocks). The input is not modified. The walk visits
 * only the branching nodes of the prefix trie of the sources, so it costs O(n log n).
 */
export const gapToleranceBlocks = (
  sources: Uint32Array,
  ruleBlock: Ipv4Cidr,
  tolerance: TolerancePercent,
): Ipv4Cidr[] => {
  const blocks: Ipv4Cidr[] = [];
  if (sources.length > 0) {
    collect(sources, 0, sources.length, ruleBlock.length, tolerance, blocks);
  }
  return blocks;
};

/**
 * Emits the blocks for `sources[lo, hi)`, all of which share their first `top` bits. The
 * prefixes from length `top` down to their longest common prefix all hold the same
 * sources, so the widest tolerable one among them is found by arithmetic; only when the
 * common prefix itself is too sparse does the walk split it into its two halves.
 */
const collect = (
  sources: Uint32Array,
  lo: number,
  hi: number,
  top: number,
  tolerance: TolerancePercent,
  blocks: Ipv4Cidr[],
): void => {
  const first = sources[lo]!;
  const differing = (first ^ sources[hi - 1]!) >>> 0;
  const common = differing === 0 ? IPV4_BITS : Math.clz32(differing);

  const widest = widestTolerableSize(hi - lo, tolerance);
  const length = Math.max(top, IPV4_BITS - Math.log2(widest));
  if (length <= common) {
    blocks.push(ipv4Cidr(first, length));
    return;
  }

  const node = ipv4Cidr(first, common);
  const upperHalf = node.base + 2 ** (IPV4_BITS - common - 1);
  const split = lowerBound(sources, upperHalf, lo, hi);
  collect(sources, lo, split, common + 1, tolerance, blocks);
  collect(sources, split, hi, common + 1, tolerance, blocks);
};
