import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { blockSize, formatIpv4Cidr, parseIpv4Cidr, type Ipv4Cidr } from "@sg/core";
import { costCurve, coverAt, describeOptimalCoverError, type CostCurve } from "@sg/core";
import { isValidCover, smallRule } from "./brute-force.js";

const cidr = (text: string): Ipv4Cidr => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(`bad fixture ${text}`);
  return parsed.value;
};

const curveOf = (block: string, required: readonly string[], most: number): CostCurve => {
  const result = costCurve({ block: cidr(block), required: required.map(cidr) }, most);
  if (!result.ok) throw new Error(describeOptimalCoverError(result.error));
  return result.value;
};

const coverOf = (curve: CostCurve, k: number): readonly Ipv4Cidr[] => {
  const result = coverAt(curve, k);
  if (!result.ok) throw new Error(describeOptimalCoverError(result.error));
  return result.value;
};

const pointOf = fc
  .tuple(smallRule(9), fc.integer({ min: 1, max: 10 }))
  .map(([rule, most]) => ({ rule, most, curve: costCurve(rule, most) }))
  .filter(({ curve }) => curve.ok && curve.value.trusted.length > 0)
  .chain(({ rule, curve }) => {
    const solved = (curve as { value: CostCurve }).value;
    return fc.record({
      rule: fc.constant(rule),
      curve: fc.constant(solved),
      k: fc.integer({ min: 1, max: solved.trusted.length }),
    });
  });

describe("coverAt examples", () => {
  it.each([
    [["10.0.0.1/32", "10.0.0.2/32", "10.0.0.200/32"], 1, ["10.0.0.0/24"]],
    [["10.0.0.1/32", "10.0.0.2/32", "10.0.0.200/32"], 2, ["10.0.0.0/30", "10.0.0.200/32"]],
    [
      ["10.0.0.1/32", "10.0.0.2/32", "10.0.0.200/32"],
      9,
      ["10.0.0.1/32", "10.0.0.2/32", "10.0.0.200/32"],
    ],
    [
      ["10.0.0.7/32", "10.0.0.18/32", "10.0.0.172/32", "10.0.0.236/32"],
      3,
      ["10.0.0.0/27", "10.0.0.172/32", "10.0.0.236/32"],
    ],
    [["10.0.0.0/26", "10.0.0.64/26"], 2, ["10.0.0.0/25"]],
    [[], 1, []],
  ])("should cover %j with at most %i prefixes as %j", (required, k, expected) => {
    const curve = curveOf("10.0.0.0/24", required, 9);

    const cover = coverOf(curve, k);

    expect(cover.map(formatIpv4Cidr)).toEqual(expected);
  });

  it.each([
    [0, "prefixes 0 is not valid; expected a whole number of at least 1"],
    [2.5, "prefixes 2.5 is not valid; expected a whole number of at least 1"],
    [3, "prefixes 3 is not valid; expected a whole number from 1 to 2, where the curve stops"],
  ])("should refuse %d prefixes on a curve capped at 2, quoting it", (k, message) => {
    const curve = curveOf("10.0.0.0/24", ["10.0.0.1/32", "10.0.0.9/32", "10.0.0.200/32"], 2);

    const result = coverAt(curve, k);

    expect(result.ok ? "ok" : describeOptimalCoverError(result.error)).toBe(message);
  });
});

describe("coverAt properties", () => {
  test.prop([pointOf])("should trust exactly the curve's value at k", ({ curve, k }) => {
    const cover = coverOf(curve, k);

    const trusted = cover.reduce((sum, block) => sum + blockSize(block), 0);

    expect(trusted).toBe(curve.trusted[k - 1]);
  });

  test.prop([pointOf])("should use at most k prefixes", ({ curve, k }) => {
    const cover = coverOf(curve, k);

    expect(cover.length).toBeLessThanOrEqual(k);
  });

  test.prop([pointOf])("should use the fewest prefixes that reach its value", ({ curve, k }) => {
    const cover = coverOf(curve, k);

    const fewest = curve.trusted.indexOf(curve.trusted[k - 1] as number) + 1;

    expect(cover.length).toBe(fewest);
  });

  test.prop([pointOf])(
    "should admit every required address with disjoint prefixes inside the rule",
    ({ rule, curve, k }) => {
      const cover = coverOf(curve, k);

      expect(isValidCover(rule.block, rule.required, cover)).toBe(true);
    },
  );
});
