import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { blockSize, compactGroup, ipv4QuotaCost, isSubsetOf, rfc1918HomeOf } from "@sg/core";
import {
  addressesHeld,
  applyMerges,
  compactableGroup,
  ipv4BlockOf,
  isCovered,
  rulesAfter,
  trafficOf,
} from "./arbitraries.js";

const shuffledGroup = compactableGroup().chain((group) =>
  fc.tuple(
    fc.constant(group),
    fc.shuffledSubarray([...group.rules], { minLength: group.rules.length }),
  ),
);
const ratio = fc.integer({ min: 0, max: 100 });
const QUOTA = 1000;

describe("compactGroup: coverage and scope", () => {
  test.prop([compactableGroup(), ratio])(
    "should admit every address a rule admitted, after every merge",
    (group, at) => {
      const compaction = compactGroup(group, QUOTA, at);

      for (let done = 0; done <= compaction.merges.length; done += 1) {
        const now = applyMerges(group.rules, compaction, done);
        expect(group.rules.filter((rule) => !isCovered(rule, now))).toEqual([]);
      }
    },
  );

  test.prop([compactableGroup(), ratio])(
    "should leave every rule that is not an IPv4 RFC 1918 CIDR untouched",
    (group, at) => {
      const untouchable = group.rules.filter((rule) => {
        const block = ipv4BlockOf(rule);
        return block === undefined || rfc1918HomeOf(block) === undefined;
      });

      const replaced = compactGroup(group, QUOTA, at).merges.flatMap((merge) => merge.replaced);

      expect(replaced.filter((rule) => untouchable.includes(rule))).toEqual([]);
    },
  );

  test.prop([compactableGroup(), ratio])(
    "should only replace rules by a block of the same protocol and ports",
    (group, at) => {
      const merges = compactGroup(group, QUOTA, at).merges;

      const mixed = merges.filter((merge) =>
        merge.replaced.some((rule) => trafficOf(rule) !== trafficOf(merge.rule)),
      );
      expect(mixed).toEqual([]);
    },
  );
});

describe("compactGroup: boundaries and the ratio", () => {
  test.prop([compactableGroup(), ratio])(
    "should never widen a block across an RFC 1918 boundary",
    (group, at) => {
      const merges = compactGroup(group, QUOTA, at).merges;

      for (const merge of merges) {
        const home = rfc1918HomeOf(merge.into);
        expect(home).toBeDefined();
        for (const rule of merge.replaced) {
          expect(rfc1918HomeOf(ipv4BlockOf(rule)!)).toEqual(home);
          expect(isSubsetOf(ipv4BlockOf(rule)!, merge.into)).toBe(true);
        }
      }
    },
  );

  test.prop([compactableGroup(), ratio])(
    "should keep every widened block's uncovered share within the ratio",
    (group, at) => {
      const merges = compactGroup(group, QUOTA, at).merges;

      for (const merge of merges.filter((m) => m.kind === "widened")) {
        const sameClass = group.rules
          .filter((rule) => trafficOf(rule) === trafficOf(merge.rule))
          .flatMap((rule) => ipv4BlockOf(rule) ?? []);
        const uncovered = blockSize(merge.into) - addressesHeld(merge.into, sameClass);
        expect(merge.addedAddresses).toBe(uncovered);
        expect(uncovered * 100).toBeLessThanOrEqual(at * blockSize(merge.into));
      }
    },
  );
});

describe("compactGroup: rule counts", () => {
  test.prop([compactableGroup(), ratio])(
    "should never leave more rules than before",
    (group, at) => {
      const compaction = compactGroup(group, QUOTA, at);

      const after = rulesAfter(group, compaction).reduce((sum, r) => sum + ipv4QuotaCost(r), 0);

      expect(compaction.rulesAfter).toBe(after);
      expect(compaction.rulesAfter).toBeLessThanOrEqual(compaction.rulesBefore);
    },
  );

  test.prop([compactableGroup(), ratio, ratio])(
    "should never reclaim fewer rules at a higher ratio",
    (group, a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];

      const atLow = compactGroup(group, QUOTA, low);
      const atHigh = compactGroup(group, QUOTA, high);

      expect(atHigh.rulesAfter).toBeLessThanOrEqual(atLow.rulesAfter);
    },
  );

  test.prop([shuffledGroup, ratio])(
    "should give the same compaction whatever order the rules come in",
    ([group, shuffled], at) => {
      const reordered = compactGroup({ ...group, rules: shuffled }, QUOTA, at);

      expect(reordered).toEqual(compactGroup(group, QUOTA, at));
    },
  );
});
