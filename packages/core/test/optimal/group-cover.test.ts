import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { blockSize, formatIpv4Cidr, isSubsetOf, parseIpv4Cidr, type Ipv4Cidr } from "@sg/core";
import {
  describeOptimalCoverError,
  optimalGroupCover,
  type GroupCover,
  type RuleRequirement,
} from "@sg/core";
import { addressesOf, bruteForceGroup, exactPrefixes, smallRule } from "./brute-force.js";

const cidr = (text: string): Ipv4Cidr => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(`bad fixture ${text}`);
  return parsed.value;
};

const ruleOf = (block: string, required: readonly string[]): RuleRequirement => ({
  block: cidr(block),
  required: required.map(cidr),
});

const covered = (rules: readonly RuleRequirement[], budget: number): GroupCover => {
  const result = optimalGroupCover(rules, budget);
  if (!result.ok) throw new Error(describeOptimalCoverError(result.error));
  return result.value;
};

const needing = (rules: readonly RuleRequirement[]): number =>
  rules.filter((rule) => rule.required.length > 0).length;

const mergedCount = (rules: readonly RuleRequirement[]): number =>
  rules.reduce((sum, rule) => sum + exactPrefixes(addressesOf(rule.required)).length, 0);

const groupOf = (most: number) =>
  fc.array(smallRule(5), { minLength: 1, maxLength: most }).chain((rules) =>
    fc.record({
      rules: fc.constant(rules),
      budget: fc.integer({ min: needing(rules), max: needing(rules) + 12 }),
    }),
  );

describe("optimalGroupCover examples", () => {
  const first = ruleOf("10.0.0.0/24", ["10.0.0.1/32", "10.0.0.200/32"]);
  const second = ruleOf("10.1.0.0/24", ["10.1.0.7/32"]);
  const empty = ruleOf("10.2.0.0/16", []);

  it.each([
    [[first, second], 2, [["10.0.0.0/24"], ["10.1.0.7/32"]], 257],
    [[first, second], 3, [["10.0.0.1/32", "10.0.0.200/32"], ["10.1.0.7/32"]], 3],
    [[first, second], 50, [["10.0.0.1/32", "10.0.0.200/32"], ["10.1.0.7/32"]], 3],
    [[empty, second], 1, [[], ["10.1.0.7/32"]], 1],
    [[empty], 0, [[]], 0],
  ])("should cover group %# within budget %i", (rules, budget, prefixes, trusted) => {
    const cover = covered(rules, budget);

    expect(cover.rules.map((rule) => rule.prefixes.map(formatIpv4Cidr))).toEqual(prefixes);
    expect(cover.trusted).toBe(trusted);
  });

  it("should give the extra prefix to the lower rule index on a tie", () => {
    const twin = ruleOf("10.1.0.0/24", ["10.1.0.1/32", "10.1.0.200/32"]);

    const cover = covered([first, twin], 3);

    expect(cover.split).toEqual([2, 1]);
  });

  it.each([
    [[first, second], 1, "budget 1 is below the 2 rules that each need at least one prefix"],
    [[first], -1, "budget -1 is not valid; expected a whole number of at least 0"],
    [[first], 2.5, "budget 2.5 is not valid"],
    [[second, ruleOf("10.0.0.0/24", ["10.0.1.0/32"])], 4, "10.0.1.0/32 of rule 1 lies outside"],
  ])("should refuse group %# with budget %d, quoting it", (rules, budget, message) => {
    const result = optimalGroupCover(rules, budget);

    expect(result.ok ? "ok" : describeOptimalCoverError(result.error)).toContain(message);
  });
});

describe("optimalGroupCover properties", () => {
  test.prop([groupOf(3)])(
    "should trust as few addresses, with as few prefixes, as the brute force over splits",
    ({ rules, budget }) => {
      const { trusted, used } = bruteForceGroup(rules, budget);

      const cover = covered(rules, budget);

      expect({ trusted: cover.trusted, used: cover.used }).toEqual({ trusted, used });
    },
  );

  test.prop([groupOf(3)])(
    "should break ties by giving the lower rule index more prefixes",
    ({ rules, budget }) => {
      const { split } = bruteForceGroup(rules, budget);

      const cover = covered(rules, budget);

      expect(cover.split).toEqual(split);
    },
  );
  test.prop([groupOf(4)])(
    "should keep every prefix inside its rule's block",
    ({ rules, budget }) => {
      const cover = covered(rules, budget);

      const outside = cover.rules.flatMap((rule, index) =>
        rule.prefixes.filter(
          (prefix) => !isSubsetOf(prefix, (rules[index] as RuleRequirement).block),
        ),
      );

      expect(outside).toEqual([]);
    },
  );

  test.prop([groupOf(4)])("should admit every required address", ({ rules, budget }) => {
    const cover = covered(rules, budget);

    const missed = rules.flatMap((rule, index) =>
      addressesOf(rule.required).filter(
        (address) =>
          !(cover.rules[index]?.prefixes ?? []).some(
            (prefix) => address >= prefix.base && address < prefix.base + blockSize(prefix),
          ),
      ),
    );

    expect(missed).toEqual([]);
  });

  test.prop([groupOf(4)])("should spend no more prefixes than the budget", ({ rules, budget }) => {
    const cover = covered(rules, budget);

    const spent = cover.rules.reduce((sum, rule) => sum + rule.prefixes.length, 0);

    expect(spent).toBeLessThanOrEqual(budget);
  });

  test.prop([groupOf(4)])(
    "should report the split each rule's prefixes show",
    ({ rules, budget }) => {
      const cover = covered(rules, budget);

      const counts = cover.rules.map((rule) => rule.prefixes.length);

      expect([cover.split, cover.used]).toEqual([counts, counts.reduce((a, b) => a + b, 0)]);
    },
  );

  test.prop([groupOf(4).filter(({ rules, budget }) => budget >= mergedCount(rules))])(
    "should keep exactly the merged required blocks when the budget holds them all",
    ({ rules, budget }) => {
      const expected = rules.map((rule) =>
        exactPrefixes(addressesOf(rule.required)).map(formatIpv4Cidr),
      );

      const cover = covered(rules, budget);

      expect(cover.rules.map((rule) => rule.prefixes.map(formatIpv4Cidr))).toEqual(expected);
    },
  );

  test.prop([
    groupOf(4).chain(({ rules, budget }) =>
      fc.record({
        rules: fc.constant(rules),
        budget: fc.constant(budget),
        shuffled: fc.tuple(
          ...rules.map((rule) =>
            fc
              .shuffledSubarray([...rule.required], { minLength: rule.required.length })
              .map((required) => ({ block: rule.block, required })),
          ),
        ),
      }),
    ),
  ])(
    "should give byte-identical output whatever the order of the required blocks",
    ({ rules, budget, shuffled }) => {
      const original = JSON.stringify(covered(rules, budget));

      const reordered = JSON.stringify(covered(shuffled, budget));

      expect(reordered).toBe(original);
    },
  );

  test.prop([fc.array(smallRule(5), { minLength: 1, maxLength: 4 })])(
    "should refuse a budget below the number of rules that need cover",
    (rules) => {
      fc.pre(needing(rules) > 0);

      const result = optimalGroupCover(rules, needing(rules) - 1);

      expect(result.ok ? undefined : result.error.kind).toBe("budget-below-rules");
    },
  );
});
