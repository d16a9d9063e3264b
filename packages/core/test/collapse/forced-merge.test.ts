import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  blockSize,
  coveringBlock,
  forceMergeToBudget,
  gapToleranceBlocks,
  isSubsetOf,
  rfc1918HomeOf,
  type Ipv4Cidr,
} from "@sg/core";
import { privateBlock, sourcesIn } from "../support/arbitraries.js";

/** What covering `a` and `b` adds to `blocks`: the cover's size less what it already held. */
const addedBy = (blocks: readonly Ipv4Cidr[], a: Ipv4Cidr, b: Ipv4Cidr): number => {
  const cover = coveringBlock(a, b);
  const held = blocks.filter((x) => isSubsetOf(x, cover)).reduce((s, x) => s + blockSize(x), 0);
  return blockSize(cover) - held;
};

const groupOfRules = fc
  .array(
    privateBlock(20, 26).chain((rule) => fc.tuple(fc.constant(rule), sourcesIn(rule, 60))),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((rules) =>
    rules.map(([rule, sources]) => ({ rule, blocks: gapToleranceBlocks(sources, rule, 30) })),
  );

describe("forceMergeToBudget (layer 3)", () => {
  test.prop([groupOfRules, fc.nat({ max: 20 })])(
    "should make every merge the cheapest pair of the group, by brute force",
    (rules, slack) => {
      const budget = rules.length + slack;
      const current = rules.map(({ blocks }) => [...blocks]);

      const { merges } = forceMergeToBudget(current, budget);

      for (const merge of merges) {
        let cheapest = Infinity;
        for (const blocks of current) {
          for (let i = 0; i < blocks.length; i += 1) {
            for (let j = i + 1; j < blocks.length; j += 1) {
              cheapest = Math.min(cheapest, addedBy(blocks, blocks[i]!, blocks[j]!));
            }
          }
        }
        expect(merge.addedAddresses).toBe(cheapest);

        const own = current[merge.ruleIndex]!;
        const rest = own.filter(
          (b) => !merge.merged.some((m) => m.base === b.base && m.length === b.length),
        );
        current[merge.ruleIndex] = [...rest, merge.into].sort((a, b) => a.base - b.base);
      }
    },
  );

  test.prop([groupOfRules, fc.nat({ max: 20 })])(
    "should fit the budget, stay inside each rule and keep every block covered",
    (rules, slack) => {
      const budget = rules.length + slack;

      const { blocks } = forceMergeToBudget(
        rules.map((r) => r.blocks),
        budget,
      );

      expect(blocks.reduce((sum, perRule) => sum + perRule.length, 0)).toBeLessThanOrEqual(
        Math.max(budget, rules.length),
      );
      rules.forEach(({ rule, blocks: before }, i) => {
        const after = blocks[i]!;
        expect(after.every((b) => isSubsetOf(b, rule))).toBe(true);
        expect(after.every((b) => rfc1918HomeOf(b) === rfc1918HomeOf(rule))).toBe(true);
        expect(before.every((b) => after.some((wide) => isSubsetOf(b, wide)))).toBe(true);
      });
    },
  );
});
