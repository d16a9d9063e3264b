import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { formatIpv4Cidr, parseIpv4Cidr, type Ipv4Cidr } from "@sg/core";
import { costCurve, describeOptimalCoverError, type CostCurve } from "@sg/core";
import {
  addressesOf,
  bruteForceByPrefixSets,
  bruteForceByRuns,
  exactPrefixes,
  smallRule,
} from "./brute-force.js";

const cidr = (text: string): Ipv4Cidr => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(`bad fixture ${text}`);
  return parsed.value;
};

const solved = (result: ReturnType<typeof costCurve>): CostCurve => {
  if (!result.ok) throw new Error(describeOptimalCoverError(result.error));
  return result.value;
};

describe("costCurve examples", () => {
  it.each([
    ["10.0.0.0/24", ["10.0.0.1/32", "10.0.0.2/32", "10.0.0.200/32"], 8, [256, 5, 3]],
    [
      "10.0.0.0/24",
      ["10.0.0.7/32", "10.0.0.18/32", "10.0.0.172/32", "10.0.0.236/32"],
      8,
      [256, 160, 34, 4],
    ],
    ["10.0.0.0/24", ["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/25"], 8, [256]],
    ["10.0.0.0/16", ["10.0.3.0/24", "10.0.3.16/28", "10.0.200.0/32"], 8, [65536, 257]],
    ["10.0.0.0/16", ["10.0.0.1/32", "10.0.0.9/32", "10.0.0.200/32"], 2, [256, 17]],
    ["10.0.0.0/16", [], 8, []],
  ])(
    "should price %s requiring %j with up to %i prefixes as %j",
    (block, required, most, expected) => {
      const rule = { block: cidr(block), required: required.map(cidr) };

      const curve = solved(costCurve(rule, most));

      expect(curve.trusted).toEqual(expected);
    },
  );

  it.each([
    [
      { block: "10.0.0.0/24", required: ["10.0.1.0/32"] },
      4,
      "required block 10.0.1.0/32 of rule 0 lies outside the rule's block 10.0.0.0/24",
    ],
    [
      { block: "10.0.0.0/24", required: ["10.0.0.0/23"] },
      4,
      "required block 10.0.0.0/23 of rule 0 lies outside",
    ],
    [
      { block: "10.0.0.0/24", required: [] },
      0,
      "maxPrefixes 0 is not valid; expected a whole number of at least 1",
    ],
    [{ block: "10.0.0.0/24", required: [] }, 1.5, "maxPrefixes 1.5 is not valid"],
    [{ block: "10.0.0.0/24", required: [] }, Number.NaN, "maxPrefixes NaN is not valid"],
  ])("should refuse %j with maxPrefixes %d, quoting it", (rule, most, message) => {
    const input = { block: cidr(rule.block), required: rule.required.map(cidr) };

    const result = costCurve(input, most);

    expect(result.ok ? "ok" : describeOptimalCoverError(result.error)).toContain(message);
  });
});

describe("costCurve properties", () => {
  test.prop([smallRule(9), fc.integer({ min: 1, max: 10 })])(
    "should equal the brute force over consecutive runs for every k",
    (rule, most) => {
      const expected = bruteForceByRuns(rule).slice(1, most + 1);

      const curve = solved(costCurve(rule, most));

      expect(curve.trusted).toEqual(expected.slice(0, curve.trusted.length));
    },
  );

  test.prop([smallRule(6, { min: 27, max: 28 })], { numRuns: 60 })(
    "should equal the brute force over every set of at most three prefixes",
    (rule) => {
      const expected = bruteForceByPrefixSets(rule, 3).slice(1);

      const curve = solved(costCurve(rule, 3));

      expect(curve.trusted).toEqual(expected.slice(0, curve.trusted.length));
    },
  );

  test.prop([smallRule(9), fc.integer({ min: 1, max: 10 })])(
    "should never rise as k grows",
    (rule, most) => {
      const curve = solved(costCurve(rule, most));

      const rises = curve.trusted.filter(
        (value, k) => k > 0 && value > (curve.trusted[k - 1] as number),
      );

      expect(rises).toEqual([]);
    },
  );

  test.prop([smallRule(9), fc.integer({ min: 1, max: 10 })])(
    "should stop at the smaller of maxPrefixes and the exactly merged block count",
    (rule, most) => {
      const merged = exactPrefixes(addressesOf(rule.required));

      const curve = solved(costCurve(rule, most));

      expect(curve.trusted.length).toBe(Math.min(most, merged.length));
    },
  );

  test.prop([smallRule(9)])("should keep exactly the merged required blocks", (rule) => {
    const merged = exactPrefixes(addressesOf(rule.required)).map(formatIpv4Cidr);

    const curve = solved(costCurve(rule, 10));

    expect(curve.required.map(formatIpv4Cidr)).toEqual(merged);
  });

  test.prop([
    smallRule(9).chain((rule) =>
      fc.tuple(
        fc.constant(rule),
        fc.shuffledSubarray([...rule.required], { minLength: rule.required.length }),
      ),
    ),
  ])("should give the same curve whatever the order of the required blocks", ([rule, shuffled]) => {
    const original = solved(costCurve(rule, 10));

    const reordered = solved(costCurve({ block: rule.block, required: shuffled }, 10));

    expect(reordered.trusted).toEqual(original.trusted);
  });
});
