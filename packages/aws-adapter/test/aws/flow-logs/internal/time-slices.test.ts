import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { timeSlices } from "../../../../src/aws/flow-logs/internal/time-slices.js";

const span = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
  .map(([a, b]) => ({ from: Math.min(a, b), until: Math.max(a, b) }));
const length = fc.integer({ min: 1, max: 3000 });

describe("timeSlices", () => {
  test.prop([span, length])(
    "should tile the span without gap or overlap",
    ({ from, until }, size) => {
      const slices = timeSlices(from, until, size);

      const ends = slices.map((slice) => [slice.from, slice.until]).flat();
      expect(ends[0] ?? from).toBe(from);
      expect(ends.at(-1) ?? until).toBe(until);
      slices.slice(1).forEach((slice, i) => expect(slice.from).toBe(slices[i]!.until));
    },
  );

  test.prop([span, length])(
    "should cut only at multiples of the length",
    ({ from, until }, size) => {
      const slices = timeSlices(from, until, size);

      slices.slice(1).forEach((slice) => expect(slice.from % size).toBe(0));
    },
  );

  test.prop([span, length])(
    "should keep every slice non-empty and no longer than the length",
    ({ from, until }, size) => {
      const slices = timeSlices(from, until, size);

      slices.forEach((slice) => {
        expect(slice.until).toBeGreaterThan(slice.from);
        expect(slice.until - slice.from).toBeLessThanOrEqual(size);
      });
    },
  );

  it.each([
    [
      90,
      250,
      100,
      [
        [90, 100],
        [100, 200],
        [200, 250],
      ],
    ],
    [
      100,
      300,
      100,
      [
        [100, 200],
        [200, 300],
      ],
    ],
    [5, 5, 100, []],
  ])("should cut %i..%i by %i as %j", (from, until, size, expected) => {
    expect(timeSlices(from, until, size).map((s) => [s.from, s.until])).toEqual(expected);
  });
});
