import type { Ipv4Cidr } from "../address/ipv4-cidr.js";

/** The catch-all service code: every published range is listed under it. */
export const AMAZON_SERVICE = "AMAZON";

/** The code of ranges AWS assigns to customers' instances, not to a managed service. */
export const EC2_SERVICE = "EC2";

/** One IPv4 prefix of AWS's published ranges, listed once per service that uses it. */
export interface IpRangePrefix {
  readonly block: Ipv4Cidr;
  /** A Region such as `us-east-1`, or `GLOBAL`. */
  readonly region: string;
  readonly networkBorderGroup?: string;
  /** A service code such as `ROUTE53_HEALTHCHECKS`, `EC2` or `AMAZON`; the list is open. */
  readonly service: string;
}

/**
 * AWS's published IP ranges (ip-ranges.json), the IPv4 part: what extend classifies
 * public sources against, so traffic from a managed service is admitted as that
 * service's prefix instead of as addresses that rotate. IPv6 prefixes are only counted.
 */
export interface IpRanges {
  /** The publication time in Unix seconds, as AWS writes it (a string). */
  readonly syncToken: string;
  /** The publication time as `YYYY-MM-DD-hh-mm-ss` (UTC). */
  readonly createDate: string;
  readonly prefixes: readonly IpRangePrefix[];
  readonly ipv6PrefixCount: number;
}
