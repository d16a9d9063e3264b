import { fc } from "@fast-check/vitest";
import {
  blockSize,
  ipv4Cidr,
  sortedUniqueAddresses,
  TCP,
  type EvidenceEntry,
  type Inventory,
  type Ipv4Cidr,
  type Rule,
} from "@sg/core";

/** A private block of /8 … /23 inside one RFC 1918 block. */
export const privateBlock = (minLength = 8, maxLength = 23): fc.Arbitrary<Ipv4Cidr> =>
  fc
    .record({
      home: fc.constantFrom(
        ipv4Cidr(0x0a000000, 8),
        ipv4Cidr(0xac100000, 12),
        ipv4Cidr(0xc0a80000, 16),
      ),
      offset: fc.nat(),
      length: fc.integer({ min: minLength, max: maxLength }),
    })
    .map(({ home, offset, length }) => {
      const within = Math.max(length, home.length);
      return ipv4Cidr(home.base + (offset % blockSize(home)), within);
    });

/**
 * Sources inside `block` shaped like real evidence: a few dense clusters and scattered
 * outliers, so that every collapse layer has work to do.
 */
export const sourcesIn = (block: Ipv4Cidr, maxCount = 300): fc.Arbitrary<Uint32Array> => {
  const size = blockSize(block);
  const address = fc.nat({ max: size - 1 }).map((offset) => block.base + offset);
  const cluster = fc
    .record({
      start: fc.nat({ max: size - 1 }),
      width: fc.integer({ min: 1, max: 64 }),
      keep: fc.double({ min: 0.3, max: 1, noNaN: true }),
    })
    .chain(({ start, width, keep }) =>
      fc.array(fc.boolean(), { minLength: width, maxLength: width }).map((bits) =>
        bits
          .map((bit, i) => (bit || keep > 0.95 ? start + i : -1))
          .filter((offset) => offset >= 0 && offset < size)
          .map((offset) => block.base + offset),
      ),
    );
  return fc
    .tuple(fc.array(cluster, { maxLength: 4 }), fc.array(address, { minLength: 1, maxLength: 20 }))
    .map(([clusters, outliers]) =>
      sortedUniqueAddresses([...clusters.flat(), ...outliers].slice(0, maxCount)),
    );
};

/** A TCP rule on `port` from `block`. */
export const tcpRule = (groupId: string, block: Ipv4Cidr, port: number, ruleId?: string): Rule => ({
  groupId,
  ...(ruleId === undefined ? {} : { ruleId }),
  protocol: TCP,
  ports: { from: port, to: port },
  source: { kind: "cidr", cidr: block },
});

/** Evidence that `sources` reached `destination` on interface `interfaceId`. */
export const evidenceFor = (
  interfaceId: string,
  destination: number,
  port: number,
  sources: Iterable<number>,
  seen = 1_000,
): EvidenceEntry[] =>
  [...sources].map((source) => ({
    interfaceId,
    destination,
    protocol: TCP,
    port,
    source,
    firstSeen: seen,
    lastSeen: seen,
    count: 1,
    provenance: ["flow-logs"],
  }));

/** An estate of one group on one interface with broad rules, kept rules and evidence. */
export interface GroupScenario {
  readonly inventory: Inventory;
  readonly evidence: readonly EvidenceEntry[];
}

const DESTINATION = 0x0a630001;

/** Generates one group with 1-4 broad rules on distinct ports, some kept rules, a quota. */
export const groupScenario = (options: { maxSources?: number } = {}): fc.Arbitrary<GroupScenario> =>
  fc
    .record({
      broad: fc.uniqueArray(fc.tuple(privateBlock(8, 22), fc.integer({ min: 1, max: 9 })), {
        minLength: 1,
        maxLength: 4,
        selector: ([, port]) => port,
      }),
      keptCount: fc.integer({ min: 0, max: 12 }),
      quota: fc.integer({ min: 3, max: 60 }),
    })
    .chain(({ broad, keptCount, quota }) =>
      fc.tuple(...broad.map(([block]) => sourcesIn(block, options.maxSources))).map((perRule) => {
        const rules: Rule[] = broad.map(([block, port], i) =>
          tcpRule("sg-1", block, 400 + port, `sgr-b${i}`),
        );
        for (let i = 0; i < keptCount; i += 1) {
          rules.push({
            groupId: "sg-1",
            ruleId: `sgr-k${i}`,
            protocol: TCP,
            ports: { from: 22, to: 22 },
            source: { kind: "group", groupId: `sg-peer${i}` },
          });
        }
        const evidence = broad.flatMap(([, port], i) =>
          evidenceFor("eni-1", DESTINATION, 400 + port, perRule[i]!),
        );
        const inventory: Inventory = {
          groups: [{ groupId: "sg-1", rules }],
          interfaces: [{ interfaceId: "eni-1", addresses: [DESTINATION], groupIds: ["sg-1"] }],
          defaultQuota: Math.max(quota, keptCount + broad.length),
        };
        return { inventory, evidence };
      }),
    );

/** A window that holds every generated sighting. */
export const ALL_TIME = { from: 0, to: 2 ** 31 } as const;
