import { fc, test } from "@fast-check/vitest";
import type { EvidenceEntry } from "@sg/core";
import { isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  evidenceBaseCodec,
  evidenceBasePieces,
  type EvidenceBase,
} from "../../src/artefacts/evidence-base.js";

/** 9999-12-31T23:59:59Z: the last time ISO 8601 writes with a four-digit year. */
const LAST_FOUR_DIGIT_SECOND = 253_402_300_799;

const entry: fc.Arbitrary<EvidenceEntry> = fc.record({
  interfaceId: fc.string({ minLength: 1, maxLength: 12 }).map((id) => `eni-${id}`),
  destination: fc.nat({ max: 0xffffffff }),
  protocol: fc.nat({ max: 255 }),
  port: fc.nat({ max: 65_535 }),
  source: fc.nat({ max: 0xffffffff }),
  firstSeen: fc.oneof(
    fc.integer({ min: 0, max: 2 ** 33 }),
    fc.integer({ min: LAST_FOUR_DIGIT_SECOND - 3 * 86_400, max: LAST_FOUR_DIGIT_SECOND }),
  ),
  lastSeen: fc.integer({ min: 0, max: 2 ** 33 }),
  count: fc.integer({ min: 1, max: 2 ** 40 }),
  provenance: fc.subarray(["flow-logs", "diagnose", "extend"] as const, { minLength: 1 }),
});

const base: fc.Arbitrary<EvidenceBase> = fc.record({
  window: fc.record({ from: fc.nat({ max: 2 ** 32 }), to: fc.nat({ max: 2 ** 32 }) }),
  origins: fc.array(
    fc.record(
      {
        kind: fc.constantFrom("flow-logs" as const, "diagnose" as const, "extend" as const),
        location: fc.string(),
        highWater: fc.nat({ max: 2 ** 32 }),
        files: fc.nat(),
        records: fc.nat(),
      },
      { requiredKeys: ["kind", "location"] },
    ),
    { maxLength: 3 },
  ),
  entries: fc.oneof(
    fc.array(entry, { maxLength: 12 }),
    fc.array(entry, { minLength: 4_095, maxLength: 8_300 }),
  ),
});

/** The document the pieces spell: text pieces as UTF-8, byte pieces as they are. */
const textOf = (base: EvidenceBase): string =>
  Buffer.concat(
    [...evidenceBasePieces(base)].map((piece) =>
      typeof piece === "string" ? Buffer.from(piece, "utf8") : piece,
    ),
  ).toString("utf8");

describe("approved.json written in pieces", () => {
  test.prop([base], { numRuns: 12 })(
    "should be the document the codec encodes, and decode back to the same base",
    (written) => {
      const text = textOf(written);
      const document: unknown = JSON.parse(text);

      expect(document).toEqual(JSON.parse(JSON.stringify(evidenceBaseCodec.encode(written))));
      const decoded = evidenceBaseCodec.decode(document);
      expect(isRight(decoded) && decoded.right).toEqual(written);
    },
  );

  test.prop([base], { numRuns: 6 })(
    "should put each entry on a line of its own and end with one line feed",
    (written) => {
      const lines = textOf(written).split("\n");

      const entryLines = lines.filter((line) => line.startsWith('    {"interfaceId"'));
      expect(entryLines).toHaveLength(written.entries.length);
      expect(lines.at(-1)).toBe("");
      expect(lines.at(-2)).toBe("}");
    },
  );

  it("should give an entry longer than a piece a piece of its own", () => {
    const long = `eni-${"é".repeat(1 << 20)}`;
    const written: EvidenceBase = {
      window: { from: 0, to: 1 },
      origins: [],
      entries: [
        {
          interfaceId: "eni-a",
          destination: 1,
          protocol: 6,
          port: 443,
          source: 2,
          firstSeen: 0,
          lastSeen: 1,
          count: 1,
          provenance: ["flow-logs"],
        },
        {
          interfaceId: long,
          destination: 1,
          protocol: 6,
          port: 443,
          source: 2,
          firstSeen: 0,
          lastSeen: 1,
          count: 1,
          provenance: ["flow-logs", "extend"],
        },
      ],
    };

    const decoded = evidenceBaseCodec.decode(JSON.parse(textOf(written)));

    expect(isRight(decoded) && decoded.right).toEqual(written);
  });

  test.prop([fc.array(entry, { minLength: 1, maxLength: 3 })], { numRuns: 10 })(
    "should draw the entries only as it is read, so a stream of them is never held whole",
    (entries) => {
      const drawn: number[] = [];
      function* stream(): Generator<EvidenceEntry> {
        for (const [index, one] of entries.entries()) {
          drawn.push(index);
          yield one;
        }
      }
      const pieces = evidenceBasePieces({
        window: { from: 0, to: 1 },
        origins: [],
        entries: stream(),
      });

      pieces.next();
      expect(drawn).toEqual([]);
      pieces.next();
      expect(drawn).toEqual(entries.map((_, index) => index));
    },
  );
});
