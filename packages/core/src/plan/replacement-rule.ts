import { formatIpv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { Rule } from "../rule/rule.js";

/** EC2's limit on a rule description. */
export const MAX_DESCRIPTION_LENGTH = 255;

/**
 * The rule that replaces part of `broad`: same group, protocol and ports, a narrower
 * block, and a description that keeps the original text and says where the rule came
 * from, trimmed to EC2's 255 characters.
 */
export const replacementRule = (broad: Rule, block: Ipv4Cidr): Rule => {
  const origin = `[sg-tightener from ${formatCidrOf(broad)}]`;
  const kept = broad.description?.trim() ?? "";
  const room = MAX_DESCRIPTION_LENGTH - origin.length - 1;
  const description = kept === "" ? origin : `${kept.slice(0, room)} ${origin}`;

  return {
    groupId: broad.groupId,
    protocol: broad.protocol,
    ...(broad.ports === undefined ? {} : { ports: broad.ports }),
    source: { kind: "cidr", cidr: block },
    description,
  };
};

const formatCidrOf = (rule: Rule): string =>
  rule.source.kind === "cidr" && rule.source.cidr.family === "ipv4"
    ? formatIpv4Cidr(rule.source.cidr)
    : "?";
