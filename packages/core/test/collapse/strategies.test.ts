import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  collapseClassic,
  collapseOptimal,
  gapToleranceBlocks,
  isSubsetOf,
  trustedBy,
} from "@sg/core";
import { privateBlock, sourcesIn } from "../support/arbitraries.js";

const group = fc
  .array(
    privateBlock(16, 26).chain((rule) => fc.tuple(fc.constant(rule), sourcesIn(rule, 80))),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((rules) => rules.map(([block, sources], i) => ({ label: `r${i}`, block, sources })));

describe("optimal versus classic collapse", () => {
  test.prop([group, fc.nat({ max: 30 }), fc.integer({ min: 0, max: 90 })])(
    "should never trust more addresses than the classic layers on the same budget",
    (rules, slack, t) => {
      const budget = rules.length + slack;

      const optimal = collapseOptimal(rules, budget, t);
      const classic = collapseClassic(rules, budget, t);

      expect(trustedBy(optimal.blocks)).toBeLessThanOrEqual(trustedBy(classic.blocks));
    },
  );

  test.prop([group, fc.integer({ min: 0, max: 90 })])(
    "should equal layer 1 exactly when layer 1 fits the budget",
    (rules, t) => {
      const layerOne = rules.map((r) => gapToleranceBlocks(r.sources, r.block, t));
      const budget = layerOne.reduce((sum, blocks) => sum + blocks.length, 0);

      expect(collapseOptimal(rules, budget, t).blocks).toEqual(layerOne);
      expect(collapseClassic(rules, budget, t).blocks).toEqual(layerOne);
    },
  );

  test.prop([group, fc.nat({ max: 30 }), fc.integer({ min: 0, max: 90 })])(
    "should fit the budget, cover every layer-1 block and stay inside each rule",
    (rules, slack, t) => {
      const budget = rules.length + slack;

      const { blocks } = collapseOptimal(rules, budget, t);

      expect(blocks.reduce((sum, b) => sum + b.length, 0)).toBeLessThanOrEqual(budget);
      rules.forEach((rule, i) => {
        const layerOne = gapToleranceBlocks(rule.sources, rule.block, t);
        expect(blocks[i]!.every((b) => isSubsetOf(b, rule.block))).toBe(true);
        expect(layerOne.every((b) => blocks[i]!.some((cover) => isSubsetOf(b, cover)))).toBe(true);
      });
    },
  );
});
