import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { halves, splitUntilUnderCap } from "../../../../src/aws/insights/internal/split-slices.js";

const sliceArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }))
  .map(([from, length]) => ({ from, to: from + length }));

describe("halves", () => {
  test.prop([sliceArbitrary])("should cut a slice into two that tile it", (slice) => {
    // Act
    const [early, late] = halves(slice);

    // Assert
    expect([early.from, late.from, late.to]).toEqual([slice.from, early.to + 1, slice.to]);
    expect(early.to).toBeGreaterThanOrEqual(early.from);
  });
});

describe("splitUntilUnderCap", () => {
  test.prop([
    fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { maxLength: 300 }),
    fc.integer({ min: 2, max: 40 }),
  ])("should return every event once, whatever the cap", async (times, cap) => {
    // Arrange
    const query = async (slice: { from: number; to: number }) => {
      const rows = times.filter((time) => time >= slice.from && time <= slice.to).slice(0, cap);
      return { rows, capped: rows.length >= cap };
    };

    // Act
    const rows = await splitUntilUnderCap(
      { from: 0, to: 100_000 },
      { query, minSliceSeconds: 1, stuck: () => new Error("stuck") },
    );

    // Assert
    expect(rows.sort((a, b) => a - b)).toEqual([...times].sort((a, b) => a - b));
  });

  test.prop([fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 100 })])(
    "should reject with stuck when a minimum slice reaches the cap",
    async (cap, minSliceSeconds) => {
      // Arrange
      const query = async () => ({ rows: Array.from({ length: cap }, () => 0), capped: true });

      const lengths: number[] = [];
      const stuck = (slice: { from: number; to: number }) => {
        lengths.push(slice.to - slice.from + 1);
        return new Error("stuck");
      };

      // Act
      const outcome = splitUntilUnderCap(
        { from: 0, to: 10_000 },
        { query, minSliceSeconds, stuck },
      );

      // Assert
      await expect(outcome).rejects.toThrow("stuck");
      expect(Math.max(...lengths)).toBeLessThanOrEqual(minSliceSeconds);
    },
  );
});
