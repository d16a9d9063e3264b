import { ipv4Cidr } from "../address/ipv4-cidr.js";
import { IPV4_BITS, type Ipv4 } from "../address/ipv4.js";
import { compareText } from "../internal/compare-text.js";
import { AMAZON_SERVICE, EC2_SERVICE, type IpRangePrefix, type IpRanges } from "./ip-ranges.js";

/**
 * What AWS's published ranges say about a public address:
 * - `service`: inside a prefix of a managed service (Route 53 health checks, CloudFront,
 *   …), the most specific such prefix, which may stand in for the address;
 * - `ec2`: its most specific listing is EC2, space AWS assigns to customers' instances,
 *   so the prefix would trust strangers and only the address itself may be trusted;
 * - `amazon-only`: listed only under the catch-all AMAZON, which is never a trust source;
 * - `not-aws`: not in the published ranges at all.
 */
export type AwsSource =
  | { readonly kind: "service" | "ec2" | "amazon-only"; readonly prefix: IpRangePrefix }
  | { readonly kind: "not-aws" };

const rank = (prefix: IpRangePrefix): number =>
  prefix.service === AMAZON_SERVICE ? 2 : prefix.service === EC2_SERVICE ? 1 : 0;

/**
 * Among the listings of one prefix, the one that speaks for it: a managed service before
 * EC2, EC2 before AMAZON, then by service code and Region so the choice is deterministic.
 */
const preferred = (a: IpRangePrefix, b: IpRangePrefix): number =>
  rank(a) - rank(b) || compareText(a.service, b.service) || compareText(a.region, b.region);

const indexByLength = (prefixes: readonly IpRangePrefix[]): Map<number, IpRangePrefix>[] => {
  const index = Array.from({ length: IPV4_BITS + 1 }, () => new Map<number, IpRangePrefix>());
  for (const prefix of prefixes) {
    const listed = index[prefix.block.length]!;
    const held = listed.get(prefix.block.base);
    if (held === undefined || preferred(prefix, held) < 0) listed.set(prefix.block.base, prefix);
  }
  return index;
};

/**
 * Builds a classifier of public addresses over AWS's ranges: each address is looked up
 * from the most specific prefix length down, and the most specific prefix listed under a
 * service other than AMAZON decides. Building costs one pass over the prefixes; each
 * lookup at most 33 map reads.
 *
 * @example
 * awsSourceClassifier(ranges)(address)
 * // { kind: "service", prefix: { service: "ROUTE53_HEALTHCHECKS", region: "us-east-1", … } }
 */
export const awsSourceClassifier = (ranges: IpRanges): ((address: Ipv4) => AwsSource) => {
  const index = indexByLength(ranges.prefixes);

  return (address) => {
    let amazonOnly: IpRangePrefix | undefined;
    for (let length = IPV4_BITS; length >= 0; length -= 1) {
      const prefix = index[length]!.get(ipv4Cidr(address, length).base);
      if (prefix === undefined) continue;
      if (prefix.service !== AMAZON_SERVICE) {
        return { kind: prefix.service === EC2_SERVICE ? "ec2" : "service", prefix };
      }
      amazonOnly ??= prefix;
    }
    return amazonOnly === undefined
      ? { kind: "not-aws" }
      : { kind: "amazon-only", prefix: amazonOnly };
  };
};
