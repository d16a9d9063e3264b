import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  blockContains,
  blockSize,
  gapToleranceBlocks,
  ipv4Cidr,
  isSubsetOf,
  toleranceProfile,
  withinTolerance,
  type Ipv4Cidr,
} from "@sg/core";
import { privateBlock, sourcesIn } from "../support/arbitraries.js";

const observedIn = (block: Ipv4Cidr, sources: Uint32Array): number =>
  sources.filter((source) => blockContains(block, source)).length;

const scenario = privateBlock(16, 26).chain((block) =>
  fc.tuple(fc.constant(block), sourcesIn(block), fc.integer({ min: 0, max: 95 })),
);

describe("gapToleranceBlocks (layer 1)", () => {
  test.prop([scenario])(
    "should cover every source with a block inside the rule",
    ([rule, sources, t]) => {
      const blocks = gapToleranceBlocks(sources, rule, t);

      for (const source of sources) {
        expect(blocks.filter((b) => blockContains(b, source))).toHaveLength(1);
      }
      expect(blocks.every((b) => isSubsetOf(b, rule))).toBe(true);
    },
  );

  test.prop([scenario])("should keep every block within the tolerance", ([rule, sources, t]) => {
    const blocks = gapToleranceBlocks(sources, rule, t);

    for (const block of blocks) {
      expect(withinTolerance(blockSize(block), observedIn(block, sources), t)).toBe(true);
    }
  });

  test.prop([scenario])(
    "should choose the widest tolerable prefix for each source, by brute force",
    ([rule, sources, t]) => {
      const blocks = gapToleranceBlocks(sources, rule, t);

      for (const source of sources.slice(0, 40)) {
        let widest = 32;
        for (let length = 32; length >= rule.length; length -= 1) {
          const candidate = ipv4Cidr(source, length);
          if (withinTolerance(blockSize(candidate), observedIn(candidate, sources), t)) {
            widest = length;
          }
        }
        const chosen = blocks.find((b) => blockContains(b, source))!;
        expect(chosen.length).toBe(widest);
      }
    },
  );

  test.prop([scenario, fc.integer({ min: 0, max: 95 })])(
    "should never yield more blocks at a higher tolerance",
    ([rule, sources, t], other) => {
      const [low, high] = t <= other ? [t, other] : [other, t];

      const atLow = gapToleranceBlocks(sources, rule, low);
      const atHigh = gapToleranceBlocks(sources, rule, high);

      expect(atHigh.length).toBeLessThanOrEqual(atLow.length);
      expect(atLow.every((b) => atHigh.some((wide) => isSubsetOf(b, wide)))).toBe(true);
    },
  );

  test.each([
    ["a dense /30 beats its sparse /31", [0, 2, 3], 30, ["10.0.0.0/30"]],
    ["an outlier stays a /32", [0, 100], 30, ["10.0.0.0/32", "10.0.0.100/32"]],
    [
      "a full /24 collapses to one block",
      Array.from({ length: 256 }, (_, i) => i),
      0,
      ["10.0.0.0/24"],
    ],
    ["23 of 32 passes at 30%", Array.from({ length: 23 }, (_, i) => i), 30, ["10.0.0.0/27"]],
  ])("should handle %s", (_, offsets, t, expected) => {
    const rule = ipv4Cidr(0x0a000000, 16);
    const sources = Uint32Array.from(offsets.map((o) => rule.base + o));

    const blocks = gapToleranceBlocks(sources, rule, t).map(
      (b) => `10.0.${(b.base >>> 8) & 255}.${b.base & 255}/${b.length}`,
    );

    expect(blocks).toEqual(expected);
  });
});

describe("toleranceProfile", () => {
  test.prop([scenario])(
    "should count exactly the blocks layer 1 yields at every tolerance",
    ([rule, sources]) => {
      const profile = toleranceProfile(sources);

      for (let t = 0; t <= 100; t += 1) {
        expect(profile[t]).toBe(gapToleranceBlocks(sources, rule, t).length);
      }
    },
  );
});
