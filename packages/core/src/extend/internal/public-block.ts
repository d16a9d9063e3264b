import { formatIpv4Cidr, ipv4Cidr, type Ipv4Cidr } from "../../address/ipv4-cidr.js";
import type { Ipv4 } from "../../address/ipv4.js";
import type { AwsSource } from "../../ip-ranges/aws-source.js";

/** The block a public source is admitted as, and what its rule's description says. */
export type PublicBlock =
  | { readonly kind: "block"; readonly block: Ipv4Cidr; readonly text: string }
  | { readonly kind: "amazon-only"; readonly detail: string };

/**
 * Decides how a public source is admitted: inside a managed service's prefix, as that
 * prefix (summarised) or as itself; in EC2 space or outside AWS, always as itself, since
 * those prefixes hold strangers; listed only under AMAZON, not at all.
 */
export const publicBlockOf = (source: Ipv4, aws: AwsSource, summarise: boolean): PublicBlock => {
  const host = ipv4Cidr(source, 32);
  switch (aws.kind) {
    case "amazon-only":
      return {
        kind: "amazon-only",
        detail:
          `listed only under AMAZON (${formatIpv4Cidr(aws.prefix.block)}) in ip-ranges.json; ` +
          "AMAZON covers nearly all of AWS and is never a trust source",
      };
    case "service": {
      const { service, region } = aws.prefix;
      return summarise
        ? { kind: "block", block: aws.prefix.block, text: `AWS ${service} ${region}` }
        : { kind: "block", block: host, text: `AWS ${service} ${region} address` };
    }
    case "ec2":
      return { kind: "block", block: host, text: `EC2 address ${aws.prefix.region}` };
    case "not-aws":
      return { kind: "block", block: host, text: "public address" };
  }
};
