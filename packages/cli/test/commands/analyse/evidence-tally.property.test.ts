import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { EvidenceEntry } from "@sg/core";
import { EvidenceTally, SKIP_REASONS } from "../../../src/commands/analyse/evidence-tally.js";

type Sighting = [string, number, number, number, number, number, number];

/**
 * Sightings over few values, so that tuples repeat, interface ids sort non-trivially and
 * every key has values that tie on their low 16 bits and differ above them.
 */
const sighting: fc.Arbitrary<Sighting> = fc.tuple(
  fc.constantFrom("eni-b", "eni-a", "eni-é", "eni-B"),
  fc.constantFrom(1, 167_772_161, 0xffffffff),
  fc.constantFrom(6, 255),
  fc.constantFrom(0, 65_535),
  fc.constantFrom(0, 2, 65_536, 0xfffffffe),
  fc.integer({ min: 0, max: 2 ** 40 }),
  fc.integer({ min: 0, max: 2 ** 40 }),
);

/** What the tally must hold, computed the plain way: a map keyed by the whole tuple. */
const modelOf = (sightings: readonly Sighting[]): EvidenceEntry[] => {
  const entries = new Map<string, EvidenceEntry>();
  for (const [interfaceId, destination, protocol, port, source, start, end] of sightings) {
    const key = JSON.stringify([interfaceId, destination, protocol, port, source]);
    const known = entries.get(key);
    entries.set(key, {
      interfaceId,
      destination,
      protocol,
      port,
      source,
      firstSeen: Math.min(known?.firstSeen ?? start, start),
      lastSeen: Math.max(known?.lastSeen ?? end, end),
      count: (known?.count ?? 0) + 1,
      provenance: ["flow-logs"],
    });
  }
  return [...entries.values()].sort(
    (a, b) =>
      (a.interfaceId < b.interfaceId ? -1 : a.interfaceId > b.interfaceId ? 1 : 0) ||
      a.destination - b.destination ||
      a.protocol - b.protocol ||
      a.port - b.port ||
      a.source - b.source,
  );
};

const tallyOf = (sightings: readonly Sighting[]): EvidenceTally => {
  const tally = new EvidenceTally();
  for (const entry of sightings) tally.add(...entry);
  return tally;
};

describe("EvidenceTally", () => {
  test.prop([fc.array(sighting, { maxLength: 200 })])(
    "should hold one entry per tuple, in canonical order, with its span and count",
    (sightings) => {
      const tally = tallyOf(sightings);

      expect(tally.sortedEntries()).toStrictEqual(modelOf(sightings));
    },
  );

  test.prop([fc.array(fc.array(sighting, { maxLength: 60 }), { maxLength: 4 })])(
    "should hold the same entries and skips when parts are tallied apart and absorbed",
    (groups) => {
      const merged = new EvidenceTally();
      groups.forEach((group, index) => {
        const part = tallyOf(group);
        part.skip(SKIP_REASONS[index % SKIP_REASONS.length]!, group.length);
        merged.absorb(part.toPart());
      });

      const whole = tallyOf(groups.flat());
      groups.forEach((group, index) =>
        whole.skip(SKIP_REASONS[index % SKIP_REASONS.length]!, group.length),
      );

      expect([merged.sortedEntries(), merged.skips()]).toStrictEqual([
        whole.sortedEntries(),
        whole.skips(),
      ]);
    },
  );

  test.prop([fc.integer({ min: 1, max: 40_000 })], { numRuns: 5 })(
    "should find every tuple again after the table has grown past its first pages",
    (count) => {
      const tally = new EvidenceTally();
      for (const pass of [0, 1]) {
        for (let index = 0; index < count; index += 1) {
          tally.add("eni-a", index, 6, 443, count - index, index + pass, index + 1 + pass);
        }
      }

      const entries = tally.sortedEntries();

      expect(entries).toStrictEqual(
        Array.from({ length: count }, (_, index) => ({
          interfaceId: "eni-a",
          destination: index,
          protocol: 6,
          port: 443,
          source: count - index,
          firstSeen: index,
          lastSeen: index + 2,
          count: 2,
          provenance: ["flow-logs"],
        })),
      );
    },
  );

  it("should order more interfaces than one radix digit can rank", () => {
    const ids = Array.from(
      { length: 70_000 },
      (_, index) => `eni-${String(index).padStart(6, "0")}`,
    );
    const tally = new EvidenceTally();
    for (const id of [...ids].reverse()) tally.add(id, 1, 6, 443, 2, 10, 20);

    const order = tally.sortedEntries().map((entry) => entry.interfaceId);

    expect(order).toStrictEqual(ids);
  });
});
