import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  evaluateNacl,
  ipv4Cidr,
  parseIpv4,
  parseIpv4Cidr,
  parseIpv6Cidr,
  type NaclEntry,
  type NaclTraffic,
  type Result,
} from "@sg/core";

const PROTOCOLS = [-1, 1, 6, 17, 47, 50];

const block = fc
  .record({
    base: fc.integer({ min: 0x0a000000, max: 0x0a0000ff }),
    length: fc.integer({ min: 24, max: 32 }),
  })
  .map(({ base, length }) => ipv4Cidr(base, length));

const entry: fc.Arbitrary<Omit<NaclEntry, "ruleNumber">> = fc.record(
  {
    protocol: fc.constantFrom(...PROTOCOLS),
    ruleAction: fc.constantFrom("allow" as const, "deny" as const),
    egress: fc.boolean(),
    cidrBlock: fc.oneof(block, fc.constant(ipv4Cidr(0, 0))),
    portRange: fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
      .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
    icmpTypeCode: fc.record({
      type: fc.integer({ min: -1, max: 3 }),
      code: fc.integer({ min: -1, max: 2 }),
    }),
  },
  { requiredKeys: ["protocol", "ruleAction", "egress", "cidrBlock"] },
);

const entries: fc.Arbitrary<NaclEntry[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 12 })
  .chain((numbers) =>
    fc
      .array(entry, { minLength: numbers.length, maxLength: numbers.length })
      .map((drafts) => drafts.map((draft, i) => ({ ...draft, ruleNumber: numbers[i]! }))),
  );

const traffic: fc.Arbitrary<NaclTraffic> = fc.record(
  {
    direction: fc.constantFrom("inbound" as const, "outbound" as const),
    protocol: fc.constantFrom(1, 6, 17, 47, 50),
    port: fc.integer({ min: 0, max: 30 }),
    icmp: fc.record({ type: fc.integer({ min: 0, max: 3 }), code: fc.integer({ min: 0, max: 2 }) }),
    address: fc.integer({ min: 0x0a000000, max: 0x0a0000ff }),
  },
  { requiredKeys: ["direction", "protocol", "address"] },
);

const unwrap = <T>(result: Result<T, unknown>): T => {
  if (!result.ok) throw new Error(`bad example: ${JSON.stringify(result.error)}`);
  return result.value;
};

/** The test's own reading of one entry, written from the EC2 documentation. */
const matches = (e: NaclEntry, t: NaclTraffic): boolean => {
  const size = 2 ** (32 - e.cidrBlock!.length);
  const inBlock = t.address >= e.cidrBlock!.base && t.address < e.cidrBlock!.base + size;
  const sameWay = e.egress ? t.direction === "outbound" : t.direction === "inbound";
  if (!inBlock || !sameWay) return false;
  if (e.protocol === -1) return true;
  if (e.protocol !== t.protocol) return false;
  if (e.protocol === 6 || e.protocol === 17) {
    if (e.portRange === undefined) return true;
    return t.port !== undefined && e.portRange.from <= t.port && t.port <= e.portRange.to;
  }
  if (e.protocol === 1) {
    const want = e.icmpTypeCode;
    if (want === undefined || want.type === -1) return true;
    if (t.icmp === undefined || t.icmp.type !== want.type) return false;
    return want.code === -1 || want.code === t.icmp.code;
  }
  return true;
};

describe("evaluateNacl", () => {
  test.prop([entries, traffic])(
    "should allow exactly when a matching allow entry precedes every matching deny entry",
    (acl, t) => {
      const matching = acl.filter((e) => matches(e, t));
      const lowest = (action: string) =>
        Math.min(...matching.filter((e) => e.ruleAction === action).map((e) => e.ruleNumber));

      const verdict = evaluateNacl(acl, t);

      expect(verdict.action === "allow").toBe(lowest("allow") < lowest("deny"));
    },
  );

  test.prop([entries, traffic])(
    "should name the lowest-numbered matching entry as the one that decided",
    (acl, t) => {
      const numbers = acl.filter((e) => matches(e, t)).map((e) => e.ruleNumber);

      const verdict = evaluateNacl(acl, t);

      expect(verdict.ruleNumber).toBe(numbers.length === 0 ? undefined : Math.min(...numbers));
    },
  );

  test.prop([
    entries.chain((acl) =>
      fc.tuple(fc.constant(acl), fc.shuffledSubarray(acl, { minLength: acl.length })),
    ),
    traffic,
  ])("should not depend on the order the entries are listed in", ([acl, shuffled], t) => {
    expect(evaluateNacl(shuffled, t)).toEqual(evaluateNacl(acl, t));
  });

  const cidr = (text: string) => unwrap(parseIpv4Cidr(text));
  const address = (text: string) => unwrap(parseIpv4(text));
  const v6 = unwrap(parseIpv6Cidr("::/0"));
  const defaultAcl: NaclEntry[] = [
    {
      ruleNumber: 100,
      protocol: -1,
      ruleAction: "allow",
      egress: false,
      cidrBlock: cidr("0.0.0.0/0"),
    },
    {
      ruleNumber: 32767,
      protocol: -1,
      ruleAction: "deny",
      egress: false,
      cidrBlock: cidr("0.0.0.0/0"),
    },
  ];
  const denyPrivate: NaclEntry = {
    ruleNumber: 90,
    protocol: 6,
    ruleAction: "deny",
    egress: false,
    cidrBlock: cidr("192.168.0.0/16"),
    portRange: { from: 9090, to: 9090 },
  };
  const inbound = (protocol: number, port: number | undefined, from: string): NaclTraffic => ({
    direction: "inbound",
    protocol,
    ...(port === undefined ? {} : { port }),
    address: address(from),
  });

  it.each<[string, NaclEntry[], NaclTraffic, string, number | undefined]>([
    ["the default ACL lets anything in", defaultAcl, inbound(6, 443, "10.0.0.1"), "allow", 100],
    [
      "an earlier deny wins",
      [...defaultAcl, denyPrivate],
      inbound(6, 9090, "192.168.7.7"),
      "deny",
      90,
    ],
    [
      "a deny on another port is passed over",
      [...defaultAcl, denyPrivate],
      inbound(6, 9091, "192.168.7.7"),
      "allow",
      100,
    ],
    [
      "a port range cannot match traffic without a port",
      [denyPrivate],
      inbound(6, undefined, "192.168.7.7"),
      "deny",
      undefined,
    ],
    ["no entry at all is the default deny", [], inbound(6, 443, "10.0.0.1"), "deny", undefined],
    [
      "an outbound entry never decides inbound traffic",
      [{ ...defaultAcl[0]!, egress: true }],
      inbound(6, 443, "10.0.0.1"),
      "deny",
      undefined,
    ],
    [
      "an IPv6 entry never matches an IPv4 source",
      [
        {
          ruleNumber: 1,
          protocol: -1,
          ruleAction: "allow",
          egress: false,
          ipv6CidrBlock: v6,
        },
      ],
      inbound(6, 443, "10.0.0.1"),
      "deny",
      undefined,
    ],
    [
      "a protocol other than tcp, udp and icmp matches every port",
      [
        {
          ruleNumber: 5,
          protocol: 47,
          ruleAction: "allow",
          egress: false,
          cidrBlock: cidr("0.0.0.0/0"),
          portRange: { from: 1, to: 1 },
        },
      ],
      inbound(47, 999, "10.0.0.1"),
      "allow",
      5,
    ],
  ])("should decide: %s", (_name, acl, t, action, ruleNumber) => {
    const verdict = evaluateNacl(acl, t);

    expect(verdict).toEqual({ action, ...(ruleNumber === undefined ? {} : { ruleNumber }) });
  });
});
