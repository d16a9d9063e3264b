import { fc } from "@fast-check/vitest";
import {
  ipv4Cidr,
  type Inventory,
  type NaclEntry,
  type NetworkInterface,
  type RejectedAttempt,
  type Rule,
  type SecurityGroup,
  type SubnetNacl,
} from "@sg/core";

/** Ports the generated rules and attempts share, so that rules often cover attempts. */
export const PORTS = [22, 443, 5432, 8443];

/** Where generated addresses live: small corners of each RFC 1918 block and a public one. */
const SPACES = [0x0a000000, 0xac100000, 0xc0a80000, 0x36f30000];
const INTERFACE_SPACE = 0x0a630000;

const inSpaces = (span: number): fc.Arbitrary<number> =>
  fc
    .tuple(fc.constantFrom(...SPACES), fc.nat({ max: span - 1 }))
    .map(([base, offset]) => base + offset);

/** A source address: private or public, from a few hundred candidates, or an interface's. */
export const sourceAddress: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: inSpaces(256) },
  { weight: 1, arbitrary: fc.nat({ max: 5 }).map((i) => INTERFACE_SPACE + i) },
);

const traffic = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ protocol: fc.constant(6), port: fc.constantFrom(...PORTS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ protocol: fc.constant(17), port: fc.constantFrom(...PORTS) }),
  },
  { weight: 1, arbitrary: fc.record({ protocol: fc.constantFrom(1, 47), port: fc.constant(0) }) },
);

interface RuleTraffic {
  readonly protocol: number;
  readonly port?: number;
}

const ruleOf = (groupId: string, groups: number): fc.Arbitrary<Rule> =>
  fc
    .record({
      traffic: fc.oneof(
        { weight: 6, arbitrary: traffic.map((t): RuleTraffic => t) },
        { weight: 1, arbitrary: fc.constant<RuleTraffic>({ protocol: -1 }) },
      ),
      source: fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .tuple(inSpaces(256), fc.integer({ min: 20, max: 30 }))
            .map(([base, length]) => ({ kind: "cidr" as const, cidr: ipv4Cidr(base, length) })),
        },
        {
          weight: 1,
          arbitrary: fc
            .nat({ max: groups - 1 })
            .map((i) => ({ kind: "group" as const, groupId: `sg-${i}` })),
        },
        {
          weight: 1,
          arbitrary: fc.constant({ kind: "prefix-list" as const, prefixListId: "pl-1" }),
        },
      ),
    })
    .map(({ traffic: t, source }) => ({
      groupId,
      protocol: t.protocol,
      ...(t.port === undefined || t.protocol === 1 || t.protocol === 47
        ? {}
        : { ports: { from: t.port, to: t.port } }),
      source,
    }));

/** An estate of a few groups and interfaces, with the quota given. */
export const estate = (quota: fc.Arbitrary<number>): fc.Arbitrary<Inventory> =>
  fc.integer({ min: 1, max: 4 }).chain((groupCount) => {
    const groups = fc.tuple(
      ...Array.from({ length: groupCount }, (_, g) =>
        fc
          .array(ruleOf(`sg-${g}`, groupCount), { maxLength: 6 })
          .map((rules): SecurityGroup => ({ groupId: `sg-${g}`, rules })),
      ),
    );
    const interfaces = fc.array(
      fc.subarray(
        Array.from({ length: groupCount }, (_, g) => `sg-${g}`),
        { minLength: 1, maxLength: Math.min(2, groupCount) },
      ),
      { minLength: 1, maxLength: 5 },
    );
    return fc.record({ groups, interfaces, quota }).map((drawn): Inventory => ({
      groups: drawn.groups,
      interfaces: drawn.interfaces.map((groupIds, i): NetworkInterface => ({
        interfaceId: `eni-${i}`,
        addresses: [INTERFACE_SPACE + i],
        groupIds,
        subnetId: `subnet-${i % 2}`,
      })),
      defaultQuota: drawn.quota,
    }));
  });

/** Attempts on the estate's interfaces (and a stranger), each tuple once. */
export const attemptsOn = (inventory: Inventory): fc.Arbitrary<RejectedAttempt[]> =>
  fc
    .uniqueArray(
      fc.record({
        interface: fc.oneof(
          { weight: 8, arbitrary: fc.nat({ max: inventory.interfaces.length - 1 }) },
          { weight: 1, arbitrary: fc.constant(inventory.interfaces.length) },
        ),
        traffic,
        source: sourceAddress,
        firstSeen: fc.integer({ min: 1_000, max: 2_000 }),
        span: fc.nat({ max: 500 }),
        count: fc.integer({ min: 1, max: 9 }),
        elsewhere: fc.nat({ max: 6 }).map((n) => n === 0),
      }),
      {
        maxLength: 40,
        selector: (a) =>
          `${a.interface}|${a.elsewhere}|${a.traffic.protocol}|${a.traffic.port}|${a.source}`,
      },
    )
    .map((drawn) =>
      drawn.map((a): RejectedAttempt => {
        const nic = inventory.interfaces[a.interface];
        const destination = INTERFACE_SPACE + a.interface + (a.elsewhere ? 100 : 0);
        return {
          interfaceId: nic?.interfaceId ?? "eni-unknown",
          destination: nic !== undefined && !a.elsewhere ? nic.addresses[0]! : destination,
          protocol: a.traffic.protocol,
          port: a.traffic.port,
          source: a.source,
          firstSeen: a.firstSeen,
          lastSeen: a.firstSeen + a.span,
          count: a.count,
        };
      }),
    );

/** An estate and attempts on it. */
export const scenario = (quota: fc.Arbitrary<number> = fc.constant(60)) =>
  estate(quota).chain((inventory) =>
    attemptsOn(inventory).map((attempts) => ({ inventory, attempts })),
  );

const naclEntry = fc.record({
  protocol: fc.constantFrom(-1, 6, 17),
  ruleAction: fc.constantFrom("allow" as const, "deny" as const),
  egress: fc.boolean(),
  cidrBlock: fc
    .tuple(inSpaces(256), fc.integer({ min: 0, max: 32 }))
    .map(([base, length]) => ipv4Cidr(base, length)),
});

/** A network ACL for `subnet-0` only, so `subnet-1` has none. */
export const nacls: fc.Arbitrary<SubnetNacl[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 8 })
  .chain((numbers) =>
    fc
      .array(naclEntry, { minLength: numbers.length, maxLength: numbers.length })
      .map((entries): SubnetNacl[] => [
        {
          networkAclId: "acl-0",
          subnetIds: ["subnet-0"],
          entries: entries.map((e, i): NaclEntry => ({ ...e, ruleNumber: numbers[i]! })),
        },
      ]),
  );

/** The test's own reading of whether a rule admits an attempt (group references included). */
export const admitsAttempt = (rule: Rule, attempt: RejectedAttempt, inventory: Inventory) => {
  const protocolOk =
    rule.protocol === -1 ||
    (rule.protocol === attempt.protocol &&
      (rule.ports === undefined ||
        attempt.protocol === 1 ||
        (rule.ports.from <= attempt.port && attempt.port <= rule.ports.to)));
  if (!protocolOk) return false;
  const { source } = rule;
  if (source.kind === "cidr" && source.cidr.family === "ipv4") {
    const size = 2 ** (32 - source.cidr.length);
    return attempt.source >= source.cidr.base && attempt.source < source.cidr.base + size;
  }
  if (source.kind === "group") {
    return inventory.interfaces.some(
      (nic) => nic.addresses.includes(attempt.source) && nic.groupIds.includes(source.groupId),
    );
  }
  return false;
};

/** Whether an address is in 10/8, 172.16/12 or 192.168/16, by the test's own arithmetic. */
export const isPrivate = (address: number): boolean =>
  address >>> 24 === 10 || address >>> 20 === 0xac1 || address >>> 16 === 0xc0a8;
