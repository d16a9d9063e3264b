import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parseIpv4Cidr, type Ipv4Cidr } from "@sg/core";
import {
  describeOptimalCoverError,
  optimalGroupCover,
  tradeOffCurve,
  type RuleRequirement,
  type TradeOffCurve,
} from "@sg/core";
import { addressesOf, exactPrefixes, smallRule } from "./brute-force.js";

const cidr = (text: string): Ipv4Cidr => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(`bad fixture ${text}`);
  return parsed.value;
};

const curveOf = (rules: readonly RuleRequirement[], maxBudget: number): TradeOffCurve => {
  const result = tradeOffCurve(rules, maxBudget);
  if (!result.ok) throw new Error(describeOptimalCoverError(result.error));
  return result.value;
};

const needing = (rules: readonly RuleRequirement[]): number =>
  rules.filter((rule) => rule.required.length > 0).length;

const mergedCount = (rules: readonly RuleRequirement[]): number =>
  rules.reduce((sum, rule) => sum + exactPrefixes(addressesOf(rule.required)).length, 0);

const groupOf = fc
  .array(smallRule(6), { minLength: 1, maxLength: 3 })
  .chain((rules) =>
    fc.record({ rules: fc.constant(rules), maxBudget: fc.integer({ min: 3, max: 20 }) }),
  );

describe("tradeOffCurve examples", () => {
  it("should price each budget of a group whose savings are not convex", () => {
    const rule = {
      block: cidr("10.0.0.0/24"),
      required: ["10.0.0.7/32", "10.0.0.18/32", "10.0.0.172/32", "10.0.0.236/32"].map(cidr),
    };

    const curve = curveOf([rule, { block: cidr("10.9.0.0/16"), required: [] }], 10);

    expect(curve).toEqual({
      points: [
        { budget: 1, trusted: 256, saved: 0 },
        { budget: 2, trusted: 160, saved: 96 },
        { budget: 3, trusted: 34, saved: 126 },
        { budget: 4, trusted: 4, saved: 30 },
      ],
      floor: 4,
      complete: true,
      bestStep: 3,
    });
  });

  it("should price the documented example", () => {
    const rule = {
      block: cidr("10.0.0.0/24"),
      required: ["10.0.0.1/32", "10.0.0.200/32"].map(cidr),
    };

    const curve = curveOf([rule], 5);

    expect(curve).toEqual({
      points: [
        { budget: 1, trusted: 256, saved: 0 },
        { budget: 2, trusted: 2, saved: 254 },
      ],
      floor: 2,
      complete: true,
      bestStep: 2,
    });
  });

  it("should stop at the cap and say the curve is incomplete", () => {
    const rule = {
      block: cidr("10.0.0.0/24"),
      required: ["10.0.0.1/32", "10.0.0.200/32"].map(cidr),
    };

    const curve = curveOf([rule], 1);

    expect(curve).toEqual({
      points: [{ budget: 1, trusted: 256, saved: 0 }],
      floor: 2,
      complete: false,
    });
  });
});

describe("tradeOffCurve properties", () => {
  test.prop([groupOf])(
    "should agree with the optimal cover at every budget",
    ({ rules, maxBudget }) => {
      fc.pre(rules.filter((rule) => rule.required.length > 0).length <= maxBudget);
      const curve = curveOf(rules, maxBudget);

      const expected = curve.points.map((point) => {
        const cover = optimalGroupCover(rules, point.budget);
        return cover.ok ? cover.value.trusted : undefined;
      });

      expect(curve.points.map((point) => point.trusted)).toEqual(expected);
    },
  );

  test.prop([groupOf])(
    "should be complete exactly when the cap holds every merged block",
    ({ rules, maxBudget }) => {
      fc.pre(needing(rules) <= maxBudget);

      const curve = curveOf(rules, maxBudget);

      expect(curve.complete).toBe(maxBudget >= mergedCount(rules));
    },
  );

  test.prop([groupOf.filter(({ rules, maxBudget }) => maxBudget >= mergedCount(rules))])(
    "should end at the floor when the cap holds every merged block",
    ({ rules, maxBudget }) => {
      const curve = curveOf(rules, maxBudget);

      expect(curve.points.at(-1)?.trusted).toBe(curve.floor);
    },
  );

  test.prop([groupOf])(
    "should save what the previous budget trusted more",
    ({ rules, maxBudget }) => {
      fc.pre(needing(rules) <= maxBudget);

      const curve = curveOf(rules, maxBudget);

      const steps = curve.points
        .slice(1)
        .map((point, i) => (curve.points[i]?.trusted ?? 0) - point.trusted);
      expect(curve.points.slice(1).map((point) => point.saved)).toEqual(steps);
    },
  );

  test.prop([groupOf])("should never trust more as the budget grows", ({ rules, maxBudget }) => {
    fc.pre(needing(rules) <= maxBudget);

    const curve = curveOf(rules, maxBudget);

    expect(curve.points.filter((point) => point.saved < 0)).toEqual([]);
  });
});
