import { mergeSiblings, type Ipv4Cidr } from "../address/ipv4-cidr.js";

/**
 * Merges every pair of sibling blocks into their parent, repeatedly, so that no two
 * blocks of the result are the halves of one prefix. The merge is exact: the result
 * covers precisely the addresses of the input, in fewer blocks.
 *
 * Contract: `blocks` are disjoint and sorted by base; the result is too. The input is
 * not modified.
 */
export const mergeExactSiblings = (blocks: readonly Ipv4Cidr[]): Ipv4Cidr[] => {
  const merged: Ipv4Cidr[] = [];
  for (const block of blocks) {
    let current = block;
    let parent = lastSiblingParent(merged, current);
    while (parent !== undefined) {
      merged.pop();
      current = parent;
      parent = lastSiblingParent(merged, current);
    }
    merged.push(current);
  }
  return merged;
};

const lastSiblingParent = (merged: readonly Ipv4Cidr[], block: Ipv4Cidr): Ipv4Cidr | undefined => {
  const last = merged[merged.length - 1];
  return last === undefined ? undefined : mergeSiblings(last, block);
};
