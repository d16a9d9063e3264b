import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import { rfc1918HomeOf } from "../address/rfc1918.js";
import type { Rule } from "./rule.js";

/** The default eligibility threshold: only rules broader than /24 are tightened. */
export const DEFAULT_ELIGIBILITY_THRESHOLD = 24;

/** Why a rule is left alone. */
export type IneligibleReason =
  "group-reference" | "prefix-list" | "ipv6" | "not-private" | "already-tight";

/**
 * Whether a rule may be tightened, and if so the rule's IPv4 block and the RFC 1918 block
 * that holds it. Every replacement must stay inside `block`, hence inside `home`.
 */
export type Eligibility =
  | { readonly eligible: true; readonly block: Ipv4Cidr; readonly home: Ipv4Cidr }
  | { readonly eligible: false; readonly reason: IneligibleReason };

/**
 * Decides eligibility as design.md states it: an IPv4 CIDR that is a subset (not merely an
 * overlap) of one RFC 1918 block and broader than `threshold` (a rule of exactly /24 is
 * left alone at the default). Group references, prefix lists, IPv6 and public rules never
 * are eligible; 0.0.0.0/0, 192.0.0.0/4 and 100.64.0.0/10 are "not-private".
 */
export const eligibilityOf = (
  rule: Rule,
  threshold: number = DEFAULT_ELIGIBILITY_THRESHOLD,
): Eligibility => {
  const { source } = rule;
  if (source.kind === "group") return { eligible: false, reason: "group-reference" };
  if (source.kind === "prefix-list") return { eligible: false, reason: "prefix-list" };
  if (source.cidr.family === "ipv6") return { eligible: false, reason: "ipv6" };

  const home = rfc1918HomeOf(source.cidr);
  if (home === undefined) return { eligible: false, reason: "not-private" };
  if (source.cidr.length >= threshold) return { eligible: false, reason: "already-tight" };
  return { eligible: true, block: source.cidr, home };
};
