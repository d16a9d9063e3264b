import type { Cidr } from "../address/cidr.js";
import { sameBlock } from "../address/ipv4-cidr.js";
import { rfc1918HomeOf } from "../address/rfc1918.js";
import { DEFAULT_ELIGIBILITY_THRESHOLD } from "../rule/eligibility.js";

/**
 * Who a CIDR source lets in, as the severity model sees it:
 * - `internet`: 0.0.0.0/0 or ::/0;
 * - `broad-public`: any other non-RFC 1918 block broader than a /16 (IPv4) or a /32 (IPv6),
 *   such as 0.0.0.0/1 or 100.64.0.0/10, which trusts a large slice of someone else's
 *   network;
 * - `private-block`: a whole RFC 1918 block (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16);
 * - `broad-private`: a smaller part of one RFC 1918 block, broader than the eligibility
 *   threshold (/24 by default): exactly the rules `plan` tightens.
 * Narrower public and private blocks are not exposures and have no class.
 */
export type Exposure = "internet" | "broad-public" | "private-block" | "broad-private";

/** The widest public IPv4 prefix that is not `broad-public`. */
export const BROAD_PUBLIC_IPV4_LENGTH = 16;

/** The widest IPv6 prefix other than ::/0 that is not `broad-public`. */
export const BROAD_PUBLIC_IPV6_LENGTH = 32;

/**
 * The exposure class of a CIDR, or `undefined` when it is narrow enough not to matter.
 * `threshold` is the eligibility threshold `plan` uses, so `broad-private` blocks are the
 * ones it would tighten.
 */
export const exposureOf = (
  cidr: Cidr,
  threshold: number = DEFAULT_ELIGIBILITY_THRESHOLD,
): Exposure | undefined => {
  if (cidr.length === 0) return "internet";
  if (cidr.family === "ipv6") {
    return cidr.length < BROAD_PUBLIC_IPV6_LENGTH ? "broad-public" : undefined;
  }

  const home = rfc1918HomeOf(cidr);
  if (home === undefined) {
    return cidr.length < BROAD_PUBLIC_IPV4_LENGTH ? "broad-public" : undefined;
  }
  if (sameBlock(cidr, home)) return "private-block";
  return cidr.length < threshold ? "broad-private" : undefined;
};

/**
 * How many addresses a CIDR trusts: 2^(32 - length) for IPv4, 2^(128 - length) for IPv6.
 * IPv6 counts beyond 2^53 are not exact integers; they are for ranking and display only.
 */
export const addressesTrusted = (cidr: Cidr): number =>
  2 ** ((cidr.family === "ipv4" ? 32 : 128) - cidr.length);
