import { compareBlocks, formatIpv4Cidr, type Ipv4Cidr } from "../../address/ipv4-cidr.js";
import { rfc1918HomeOf } from "../../address/rfc1918.js";
import { compareText } from "../../internal/compare-text.js";
import { hasPorts } from "../../rule/protocol.js";
import { compareRules } from "../../rule/rule-order.js";
import type { Rule } from "../../rule/rule.js";

/** A rule compaction may touch, with its IPv4 block. */
export interface ClassRule {
  readonly rule: Rule;
  readonly block: Ipv4Cidr;
}

/**
 * The rules that may merge with one another: same protocol, same ports, same RFC 1918
 * block. Rules are sorted by block (base, then wider first), ties in canonical rule order.
 */
export interface CompactionClass {
  readonly key: string;
  readonly home: Ipv4Cidr;
  readonly rules: readonly ClassRule[];
}

/** What a rule admits, without its source, as EC2 compares duplicates. */
export const trafficKey = (rule: Pick<Rule, "protocol" | "ports">): string => {
  const { protocol, ports } = rule;
  return `${protocol}|${hasPorts(protocol) && ports ? `${ports.from}:${ports.to}` : "*"}`;
};

/** The rule's block when it is an IPv4 CIDR inside one RFC 1918 block, at any length. */
export const candidateBlock = (rule: Rule): { block: Ipv4Cidr; home: Ipv4Cidr } | undefined => {
  const { source } = rule;
  if (source.kind !== "cidr" || source.cidr.family !== "ipv4") return undefined;

  const home = rfc1918HomeOf(source.cidr);
  return home === undefined ? undefined : { block: source.cidr, home };
};

/**
 * Splits a group's rules into compaction classes, in a canonical order that does not
 * depend on the order the estate listed the rules. Rules that are not candidates (group
 * references, prefix lists, IPv6, public CIDRs) belong to no class and are never touched.
 */
export const compactionClasses = (rules: readonly Rule[]): CompactionClass[] => {
  const classes = new Map<string, { home: Ipv4Cidr; rules: ClassRule[] }>();
  for (const rule of rules) {
    const candidate = candidateBlock(rule);
    if (candidate === undefined) continue;

    const key = `${trafficKey(rule)}|${formatIpv4Cidr(candidate.home)}`;
    const members = classes.get(key) ?? { home: candidate.home, rules: [] };
    members.rules.push({ rule, block: candidate.block });
    classes.set(key, members);
  }

  return [...classes.entries()]
    .map(([key, { home, rules: members }]) => ({
      key,
      home,
      rules: members.sort(
        (a, b) => compareBlocks(a.block, b.block) || compareRules(a.rule, b.rule),
      ),
    }))
    .sort((a, b) => compareBlocks(a.home, b.home) || compareText(a.key, b.key));
};
