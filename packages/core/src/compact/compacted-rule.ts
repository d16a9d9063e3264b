import { formatIpv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import { formatSource } from "../rule/rule-key.js";
import type { Rule } from "../rule/rule.js";
import { MAX_DESCRIPTION_LENGTH } from "../plan/replacement-rule.js";

/**
 * The rule a widened block is authorised as: the group, protocol and ports of the rules
 * it replaces, and a description that says it came from compaction. When the replaced
 * rules share one description it is kept; otherwise the replaced blocks are listed, as
 * many as EC2's 255 characters hold (the manifest keeps every original in full).
 *
 * @example
 * // tcp/443 from 10.0.0.0/25 ("Datacenter HTTPS") and 10.0.0.128/25 ("Datacenter HTTPS")
 * // into 10.0.0.0/24: "Datacenter HTTPS [sg-tightener compact of 2 rules into 10.0.0.0/24]";
 * // with other descriptions: "[sg-tightener compact of 2 rules: 10.0.0.0/25, 10.0.0.128/25]"
 */
export const compactedRule = (replaced: readonly Rule[], into: Ipv4Cidr): Rule => {
  const first = replaced[0]!;
  return {
    groupId: first.groupId,
    protocol: first.protocol,
    ...(first.ports === undefined ? {} : { ports: first.ports }),
    source: { kind: "cidr", cidr: into },
    description: descriptionOf(replaced, into),
  };
};

const descriptionOf = (replaced: readonly Rule[], into: Ipv4Cidr): string => {
  const origin = `sg-tightener compact of ${replaced.length} rules`;
  const texts = new Set(replaced.map((rule) => rule.description?.trim() ?? ""));
  const [shared] = texts;
  if (texts.size === 1 && shared !== undefined && shared !== "") {
    const tag = `[${origin} into ${formatIpv4Cidr(into)}]`;
    return `${shared.slice(0, MAX_DESCRIPTION_LENGTH - tag.length - 1)} ${tag}`;
  }

  const sources = replaced.map((rule) => formatSource(rule.source));
  for (let shown = sources.length; shown > 0; shown -= 1) {
    const more = shown < sources.length ? ` +${sources.length - shown} more` : "";
    const text = `[${origin}: ${sources.slice(0, shown).join(", ")}${more}]`;
    if (text.length <= MAX_DESCRIPTION_LENGTH) return text;
  }
  return `[${origin}]`;
};
