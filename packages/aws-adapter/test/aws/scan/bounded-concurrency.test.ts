import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { boundedConcurrency } from "../../../src/aws/scan/internal/bounded-concurrency.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("boundedConcurrency", () => {
  test.prop([fc.integer({ min: 1, max: 5 }), fc.array(fc.nat({ max: 3 }), { maxLength: 25 })], {
    numRuns: 30,
  })("should never run more tasks at once than its slots", async (slots, delays) => {
    const limit = boundedConcurrency(slots);
    let running = 0;
    let peak = 0;

    await Promise.all(
      delays.map((delay, i) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick(delay);
          running -= 1;
          if (i % 4 === 3) throw new Error("a failing task");
        }).catch(() => undefined),
      ),
    );

    expect(peak).toBeLessThanOrEqual(slots);
  });

  test.prop([fc.integer({ min: 1, max: 5 }), fc.array(fc.nat({ max: 3 }), { maxLength: 25 })], {
    numRuns: 30,
  })("should run every task and return its value", async (slots, delays) => {
    const limit = boundedConcurrency(slots);

    const values = await Promise.all(
      delays.map((delay, i) => limit(async () => (await tick(delay), i))),
    );

    expect(values).toEqual(delays.map((_, i) => i));
  });
});
