import { err, ok, type Result } from "../result.js";
import { IPV4_BITS, formatIpv4, parseIpv4, type Ipv4 } from "./ipv4.js";
import type { ParseError } from "./parse-error.js";

/**
 * An IPv4 CIDR block whose base has no host bits set. Build one with {@link parseIpv4Cidr}
 * or {@link ipv4Cidr}; every function here relies on the base being canonical.
 */
export interface Ipv4Cidr {
  readonly family: "ipv4";
  readonly base: Ipv4;
  readonly length: number;
}

/**
 * What to do with host bits set below the prefix length (`10.0.0.5/24`). EC2 silently
 * rewrites them to the canonical base; `"reject"` refuses them so an operator's typo is
 * never widened without notice.
 */
export type HostBitsPolicy = "reject" | "normalise";

/** The netmask of a prefix length, as an unsigned 32-bit integer. */
export const ipv4Mask = (length: number): number =>
  length === 0 ? 0 : (0xffffffff << (IPV4_BITS - length)) >>> 0;

const PREFIX_SIZES = Float64Array.from({ length: IPV4_BITS + 1 }, (_, n) => 2 ** (IPV4_BITS - n));

/** The number of addresses a prefix of this length holds (2³²⁻ˡᵉⁿᵍᵗʰ). */
export const ipv4PrefixSize = (length: number): number => PREFIX_SIZES[length]!;

/** The block of the given length that contains `address`. */
export const ipv4Cidr = (address: Ipv4, length: number): Ipv4Cidr => ({
  family: "ipv4",
  base: (address & ipv4Mask(length)) >>> 0,
  length,
});

const LENGTH = /^(0|[1-9][0-9]?)$/;

/**
 * Parses `a.b.c.d/n`. A bare address is not accepted: a rule always names its length.
 *
 * @example parseIpv4Cidr("10.0.0.0/16") // ok, base 10.0.0.0, length 16
 * @example parseIpv4Cidr("10.0.0.5/24") // error: host bits set (use "normalise" to accept)
 */
export const parseIpv4Cidr = (
  text: string,
  hostBits: HostBitsPolicy = "reject",
): Result<Ipv4Cidr, ParseError> => {
  const slash = text.indexOf("/");
  if (slash < 0) {
    return err({ input: text, reason: "has no prefix length, expected a.b.c.d/n" });
  }

  const lengthText = text.slice(slash + 1);
  const length = Number(lengthText);
  if (!LENGTH.test(lengthText) || length > IPV4_BITS) {
    return err({ input: text, reason: `has prefix length "${lengthText}", expected 0-32` });
  }

  const address = parseIpv4(text.slice(0, slash));
  if (!address.ok) {
    return err({ input: text, reason: address.error.reason });
  }

  const block = ipv4Cidr(address.value, length);
  if (block.base !== address.value && hostBits === "reject") {
    const canonical = formatIpv4Cidr(block);
    return err({
      input: text,
      reason: `has host bits set below /${length}; did you mean ${canonical}?`,
    });
  }
  return ok(block);
};

/** Formats a block as `a.b.c.d/n`. */
export const formatIpv4Cidr = (block: Ipv4Cidr): string =>
  `${formatIpv4(block.base)}/${block.length}`;

/** The number of addresses in the block. */
export const blockSize = (block: Ipv4Cidr): number => ipv4PrefixSize(block.length);

/** The last address of the block. */
export const blockLast = (block: Ipv4Cidr): Ipv4 => block.base + blockSize(block) - 1;

/** Whether the block contains the address. */
export const blockContains = (block: Ipv4Cidr, address: Ipv4): boolean =>
  address >= block.base && address <= blockLast(block);

/**
 * Whether every address of `inner` lies in `outer` (a block is a subset of itself). This
 * is the test eligibility uses: a rule that merely overlaps a private range is not private.
 */
export const isSubsetOf = (inner: Ipv4Cidr, outer: Ipv4Cidr): boolean =>
  inner.length >= outer.length && blockContains(outer, inner.base);

/** Whether the two blocks share at least one address. */
export const overlaps = (a: Ipv4Cidr, b: Ipv4Cidr): boolean =>
  blockContains(a, b.base) || blockContains(b, a.base);

/** The smallest block that contains both blocks. */
export const coveringBlock = (a: Ipv4Cidr, b: Ipv4Cidr): Ipv4Cidr => {
  const differing = (a.base ^ b.base) >>> 0;
  const common = differing === 0 ? IPV4_BITS : Math.clz32(differing);
  return ipv4Cidr(a.base, Math.min(common, a.length, b.length));
};

/** The smallest block that contains both addresses. */
export const coveringBlockOfAddresses = (a: Ipv4, b: Ipv4): Ipv4Cidr => {
  const differing = (a ^ b) >>> 0;
  return ipv4Cidr(a, differing === 0 ? IPV4_BITS : Math.clz32(differing));
};

/**
 * The parent of two sibling blocks (the two halves of one prefix), or `undefined` when
 * they are not siblings. Merging siblings adds no address, which is why it is exact.
 */
export const mergeSiblings = (a: Ipv4Cidr, b: Ipv4Cidr): Ipv4Cidr | undefined => {
  if (a.length !== b.length || a.length === 0 || a.base === b.base) {
    return undefined;
  }
  const parent = ipv4Cidr(a.base, a.length - 1);
  return parent.base === ipv4Cidr(b.base, a.length - 1).base ? parent : undefined;
};

/** Orders blocks by base address, then wider first; a total order for sorting. */
export const compareBlocks = (a: Ipv4Cidr, b: Ipv4Cidr): number =>
  a.base - b.base || a.length - b.length;

/** Whether two blocks are the same block. */
export const sameBlock = (a: Ipv4Cidr, b: Ipv4Cidr): boolean =>
  a.base === b.base && a.length === b.length;
