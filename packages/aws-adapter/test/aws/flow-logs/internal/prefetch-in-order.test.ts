import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { prefetchInOrder } from "../../../../src/aws/flow-logs/internal/prefetch-in-order.js";

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs items through prefetchInOrder with the given delays, watching how many run at once. */
const run = async (delays: readonly number[], concurrency: number) => {
  let running = 0;
  let peak = 0;
  const results: number[] = [];

  const start = async (index: number): Promise<number> => {
    running += 1;
    peak = Math.max(peak, running);
    await settle(delays[index]!);
    running -= 1;
    return index;
  };
  for await (const result of prefetchInOrder(delays.keys(), concurrency, start)) {
    results.push(result);
  }
  return { results, peak };
};

describe("prefetchInOrder", () => {
  const delays = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 12 });
  const concurrency = fc.integer({ min: 1, max: 5 });

  test.prop([delays, concurrency], { numRuns: 40 })(
    "should yield results in item order whatever order they finish in",
    async (waits, limit) => {
      const { results } = await run(waits, limit);

      expect(results).toEqual(waits.map((_, index) => index));
    },
  );

  test.prop([delays, concurrency], { numRuns: 40 })(
    "should never run more calls at once than the concurrency",
    async (waits, limit) => {
      const { peak } = await run(waits, limit);

      expect(peak).toBeLessThanOrEqual(limit);
    },
  );

  it("should run calls ahead of the consumer up to the concurrency", async () => {
    const { peak } = await run([5, 5, 5, 5, 5, 5], 3);

    expect(peak).toBe(3);
  });

  it("should reject with the first failure in order and release what was fetched", async () => {
    const released: number[] = [];
    const start = async (index: number): Promise<number> => {
      await settle(index === 1 ? 10 : 0);
      if (index === 1) throw new Error("item 1 failed");
      return index;
    };
    const seen: number[] = [];

    const failure = await (async () => {
      for await (const result of prefetchInOrder([0, 1, 2, 3], 3, start, (r) => released.push(r))) {
        seen.push(result);
      }
    })().catch((error: Error) => error.message);
    await settle(5);

    expect(failure).toBe("item 1 failed");
    expect(seen).toEqual([0]);
    expect(released).toEqual([2, 3]);
  });

  it("should abort the calls still running when the consumer stops early", async () => {
    const aborted: number[] = [];
    const start = (index: number, signal: AbortSignal): Promise<number> =>
      new Promise((resolve) => {
        if (index === 0) return resolve(0);
        signal.addEventListener("abort", () => {
          aborted.push(index);
          resolve(index);
        });
      });

    for await (const result of prefetchInOrder([0, 1, 2], 3, start)) {
      if (result === 0) break;
    }

    expect(aborted.sort()).toEqual([1, 2]);
  });
});
