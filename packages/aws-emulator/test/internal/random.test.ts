import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { seededRandom } from "../../src/internal/random.js";

const draws = (seed: number, count: number): number[] => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => next());
};

describe("seededRandom", () => {
  test.prop([fc.integer()])("should repeat its sequence for the same seed", (seed) => {
    expect(draws(seed, 20)).toEqual(draws(seed, 20));
  });

  test.prop([fc.integer()])("should draw only numbers in [0, 1)", (seed) => {
    expect(draws(seed, 50).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
