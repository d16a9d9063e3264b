import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { mergeEvidence, type EvidenceEntry } from "@sg/core";

/** Entries over a small key space, so that merges really collide. */
const entry: fc.Arbitrary<EvidenceEntry> = fc
  .record({
    interfaceId: fc.constantFrom("eni-a", "eni-b"),
    destination: fc.constantFrom(0x0a140000, 0x0a140001),
    protocol: fc.constantFrom(6, 17),
    port: fc.constantFrom(443, 5432),
    source: fc.integer({ min: 0x0a000000, max: 0x0a000007 }),
    firstSeen: fc.integer({ min: 0, max: 1_000 }),
    span: fc.integer({ min: 0, max: 1_000 }),
    count: fc.integer({ min: 1, max: 50 }),
    provenance: fc.subarray(["flow-logs", "diagnose", "extend"] as const, { minLength: 1 }),
  })
  .map(({ span, ...rest }) => ({ ...rest, lastSeen: rest.firstSeen + span }));

const base = fc.array(entry, { maxLength: 30 });

describe("mergeEvidence", () => {
  test.prop([base, base, base])("should be associative", (a, b, c) => {
    expect(mergeEvidence(mergeEvidence(a, b), c)).toEqual(mergeEvidence(a, mergeEvidence(b, c)));
  });

  test.prop([base, base])("should not depend on the order of the bases", (a, b) => {
    expect(mergeEvidence(a, b)).toEqual(mergeEvidence(b, a));
  });

  test.prop([
    base.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length }))),
  ])("should not depend on the order of the entries", ([a, shuffled]) => {
    expect(mergeEvidence(shuffled)).toEqual(mergeEvidence(a));
  });

  test.prop([base, base])("should keep every record count and every sighting", (a, b) => {
    const merged = mergeEvidence(a, b);

    const total = (entries: readonly EvidenceEntry[]) => entries.reduce((s, e) => s + e.count, 0);
    expect(total(merged)).toBe(total(a) + total(b));
    for (const e of [...a, ...b]) {
      const held = merged.find(
        (m) =>
          m.interfaceId === e.interfaceId &&
          m.source === e.source &&
          m.port === e.port &&
          m.protocol === e.protocol &&
          m.destination === e.destination,
      )!;
      expect(held.firstSeen).toBeLessThanOrEqual(e.firstSeen);
      expect(held.lastSeen).toBeGreaterThanOrEqual(e.lastSeen);
      expect(e.provenance.every((p) => held.provenance.includes(p))).toBe(true);
    }
  });
});
