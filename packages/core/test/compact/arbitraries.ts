import { fc } from "@fast-check/vitest";
import {
  ALL_PROTOCOLS,
  TCP,
  UDP,
  blockSize,
  ipv4Cidr,
  isSubsetOf,
  parseCidr,
  ruleKey,
  type GroupCompaction,
  type Ipv4Cidr,
  type PortRange,
  type Rule,
  type SecurityGroup,
} from "@sg/core";

/** Parses a CIDR the test knows to be valid IPv4. */
export const cidr = (text: string): Ipv4Cidr => {
  const result = parseCidr(text);
  if (!result.ok || result.value.family !== "ipv4") throw new Error(`bad test CIDR ${text}`);
  return result.value;
};

/** Address windows at the edges of the RFC 1918 blocks, where a widening could cross. */
const WINDOWS: readonly Ipv4Cidr[] = [
  "10.0.0.0/22",
  "10.255.252.0/22",
  "172.16.0.0/22",
  "172.31.252.0/22",
  "192.168.0.0/22",
  "192.168.252.0/22",
  "9.255.252.0/22",
  "11.0.0.0/22",
  "172.32.0.0/22",
  "192.169.0.0/22",
].map(cidr);

const TRAFFIC: readonly { protocol: number; ports?: PortRange }[] = [
  { protocol: TCP, ports: { from: 443, to: 443 } },
  { protocol: TCP, ports: { from: 5432, to: 5432 } },
  { protocol: UDP, ports: { from: 53, to: 53 } },
  { protocol: ALL_PROTOCOLS },
];

/** A block of /18 … /32 inside one of `windows`, mostly narrow. */
const blockIn = (windows: readonly Ipv4Cidr[]): fc.Arbitrary<Ipv4Cidr> =>
  fc
    .record({
      window: fc.constantFrom(...windows),
      offset: fc.nat({ max: 1023 }),
      length: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 24, max: 32 }) },
        { weight: 1, arbitrary: fc.integer({ min: 18, max: 32 }) },
      ),
    })
    .map(({ window, offset, length }) => ipv4Cidr(window.base + offset, length));

const parsed = (text: string) => {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(`bad test CIDR ${text}`);
  return result.value;
};

const otherSource = fc.constantFrom<Rule["source"]>(
  { kind: "group", groupId: "sg-0peer" },
  { kind: "prefix-list", prefixListId: "pl-0corp", maxEntries: 5 },
  { kind: "cidr", cidr: parsed("2001:db8::/32") },
  { kind: "cidr", cidr: parsed("0.0.0.0/0") },
);

const ruleOf = (source: Rule["source"], traffic: number, index: number): Rule => ({
  groupId: "sg-0compact",
  ruleId: `sgr-${String(index).padStart(4, "0")}`,
  ...TRAFFIC[traffic]!,
  source,
  description: index % 3 === 0 ? "datacenter" : `rule ${index}`,
});

/**
 * A group shaped for compaction: mostly narrow private CIDR rules on a few ports, many of
 * them at the edge of an RFC 1918 block or just outside one, plus rules compaction must
 * never touch. No two rules admit the same thing, as EC2 requires.
 */
export const compactableGroup = (maxRules = 40): fc.Arbitrary<SecurityGroup> =>
  fc
    .record({
      windows: fc.subarray([...WINDOWS], { minLength: 1, maxLength: 3 }),
      traffic: fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 2 }),
    })
    .chain(({ windows, traffic }) => {
      const cidrSource = blockIn(windows).map((block) => ({ kind: "cidr" as const, cidr: block }));
      const source = fc.oneof(
        { weight: 8, arbitrary: cidrSource },
        { weight: 1, arbitrary: otherSource },
      );
      return fc.array(fc.tuple(source, fc.constantFrom(...traffic)), {
        maxLength: maxRules,
        size: "medium",
      });
    })
    .map((drafts) => {
      const seen = new Set<string>();
      const rules = drafts
        .map(([source, traffic], index) => ruleOf(source, traffic, index))
        .filter((rule) => !seen.has(ruleKey(rule)) && seen.add(ruleKey(rule)) !== undefined);
      return { groupId: "sg-0compact", groupName: "compact-me", rules };
    });

/** The group's rules once every merge is applied. */
export const rulesAfter = (group: SecurityGroup, compaction: GroupCompaction): Rule[] =>
  applyMerges(group.rules, compaction, compaction.merges.length);

/** The group's rules after the first `count` merges. */
export const applyMerges = (
  rules: readonly Rule[],
  compaction: GroupCompaction,
  count: number,
): Rule[] => {
  const merges = compaction.merges.slice(0, count);
  const revoked = new Set(merges.flatMap((merge) => merge.replaced.map((rule) => rule.ruleId)));
  const added = merges.filter((merge) => merge.kind === "widened").map((merge) => merge.rule);
  return [...rules.filter((rule) => !revoked.has(rule.ruleId)), ...added];
};

/** What a rule admits apart from its source, the way compaction groups rules. */
export const trafficOf = (rule: Rule): string =>
  ruleKey({ ...rule, source: { kind: "group", groupId: "" } });

/** The rule's IPv4 block, or `undefined` for any other source. */
export const ipv4BlockOf = (rule: Rule): Ipv4Cidr | undefined =>
  rule.source.kind === "cidr" && rule.source.cidr.family === "ipv4" ? rule.source.cidr : undefined;

/** Whether some rule of `rules` with the same traffic admits every address of `rule`. */
export const isCovered = (rule: Rule, rules: readonly Rule[]): boolean => {
  const block = ipv4BlockOf(rule);
  return (
    block === undefined ||
    rules.some((other) => {
      const outer = ipv4BlockOf(other);
      return (
        trafficOf(other) === trafficOf(rule) && outer !== undefined && isSubsetOf(block, outer)
      );
    })
  );
};

/** The addresses of `block` that the union of `blocks` holds, by interval arithmetic. */
export const addressesHeld = (block: Ipv4Cidr, blocks: readonly Ipv4Cidr[]): number => {
  const intervals = blocks
    .filter((inner) => isSubsetOf(inner, block))
    .map((inner) => [inner.base, inner.base + blockSize(inner)] as const)
    .sort((a, b) => a[0] - b[0]);
  let held = 0;
  let reach = -1;
  for (const [start, end] of intervals) {
    const from = Math.max(start, reach);
    if (end > from) held += end - from;
    reach = Math.max(reach, end);
  }
  return held;
};
