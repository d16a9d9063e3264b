import { fc } from "@fast-check/vitest";
import {
  ALL_PROTOCOLS,
  ICMP,
  SEVERITIES,
  TCP,
  UDP,
  ipv4Cidr,
  parseCidr,
  type Cidr,
  type PortRange,
  type Rule,
  type RuleFinding,
  type Severity,
} from "@sg/core";

/** Parses a CIDR a test names, failing loudly on a typo. */
export const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`bad CIDR in a test: ${text}`);
  return parsed.value;
};

/** A rule of group `sg-1` from `source` on the protocol and ports given. */
export const ruleFrom = (source: string, protocol: number, ports?: PortRange): Rule => ({
  groupId: "sg-1",
  protocol,
  ...(ports === undefined ? {} : { ports }),
  source: { kind: "cidr", cidr: cidr(source) },
});

/** Any IPv4 block, with its base canonical. */
export const ipv4Block = (): fc.Arbitrary<Cidr> =>
  fc
    .record({ base: fc.nat({ max: 0xffffffff }), length: fc.integer({ min: 0, max: 32 }) })
    .map(({ base, length }) => ipv4Cidr(base >>> 0, length));

/** A block biased to the interesting ones: /0, RFC 1918 blocks and their insides. */
export const interestingBlock = (): fc.Arbitrary<Cidr> =>
  fc.oneof(
    ipv4Block(),
    fc.constantFrom("0.0.0.0/0", "::/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16").map(cidr),
    fc
      .record({ offset: fc.nat({ max: 0xffffff }), length: fc.integer({ min: 8, max: 32 }) })
      .map(({ offset, length }) => ipv4Cidr((0x0a000000 + offset) >>> 0, length)),
  );

/** A TCP or UDP port range. */
export const portRange = (): fc.Arbitrary<PortRange> =>
  fc
    .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }))
    .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

/** Traffic of a rule: TCP or UDP with a range, ICMP, or every protocol. */
export const traffic = (): fc.Arbitrary<Pick<Rule, "protocol" | "ports">> =>
  fc.oneof(
    fc.record({ protocol: fc.constantFrom(TCP, UDP), ports: portRange() }),
    fc.constant({ protocol: ICMP, ports: { from: -1, to: -1 } }),
    fc.constant({ protocol: ALL_PROTOCOLS }),
  );

/** A CIDR rule of group `sg-1` from an interesting block. */
export const cidrRule = (): fc.Arbitrary<Rule> =>
  fc.record({ block: interestingBlock(), traffic: traffic() }).map(({ block, traffic }) => ({
    groupId: "sg-1",
    ...traffic,
    source: { kind: "cidr", cidr: block },
  }));

/** A severity. */
export const severity = (): fc.Arbitrary<Severity> => fc.constantFrom(...SEVERITIES);

/** A minimal finding of the given severity, enough for scoring and ranking. */
export const findingOf = (level: Severity, groupId = "sg-1"): RuleFinding => ({
  severity: level,
  exposure: "internet",
  groupId,
  rule: ruleFrom("0.0.0.0/0", TCP, { from: 80, to: 80 }),
  traffic: "tcp/80",
  source: "0.0.0.0/0",
  addressesTrusted: 2 ** 32,
  everyPort: false,
  adminPorts: [],
  tightenable: false,
  reason: "a test finding",
});

/** Findings of random severities. */
export const findings = (maxLength = 30): fc.Arbitrary<RuleFinding[]> =>
  fc.array(
    severity().map((level) => findingOf(level)),
    { maxLength },
  );
