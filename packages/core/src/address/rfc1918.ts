import { ipv4Cidr, isSubsetOf, type Ipv4Cidr } from "./ipv4-cidr.js";
import type { Ipv4 } from "./ipv4.js";

/**
 * The three private address blocks of RFC 1918: 10.0.0.0/8, 172.16.0.0/12 and
 * 192.168.0.0/16. No merge or widening may cross from one into another.
 */
export const RFC1918_BLOCKS: readonly Ipv4Cidr[] = [
  ipv4Cidr(0x0a000000, 8),
  ipv4Cidr(0xac100000, 12),
  ipv4Cidr(0xc0a80000, 16),
];

/**
 * The RFC 1918 block that wholly contains `block`, or `undefined` when it is not a subset
 * of one (public, or merely overlapping such as 192.0.0.0/4).
 */
export const rfc1918HomeOf = (block: Ipv4Cidr): Ipv4Cidr | undefined =>
  RFC1918_BLOCKS.find((home) => isSubsetOf(block, home));

/** Whether the address is private under RFC 1918. */
export const isRfc1918Address = (address: Ipv4): boolean =>
  rfc1918HomeOf(ipv4Cidr(address, 32)) !== undefined;
