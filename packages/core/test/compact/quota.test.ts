import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { compactGroup, compactionSteps, ipv4QuotaCost } from "@sg/core";
import { compactableGroup } from "./arbitraries.js";

/** A group and a quota at, just under or just over the group's use. */
const groupAndQuota = compactableGroup().chain((group) => {
  const used = group.rules.reduce((sum, rule) => sum + ipv4QuotaCost(rule), 0);
  return fc.tuple(
    fc.constant(group),
    fc.integer({ min: Math.max(1, used - 1), max: used + 2 }),
    fc.integer({ min: 0, max: 100 }),
  );
});

/** The group's use after each call of applying the steps in order. */
const usesDuringApply = (before: number, steps: ReturnType<typeof compactionSteps>): number[] => {
  const uses: number[] = [];
  let used = before;
  for (const step of steps) {
    used += step.authorise.length;
    uses.push(used);
    used -= step.revoke.length;
    uses.push(used);
  }
  return uses;
};

describe("compactGroup: the quota while applying", () => {
  test.prop([groupAndQuota])(
    "should never exceed the quota at any step of an accepted compaction",
    ([group, quota, ratio]) => {
      const compaction = compactGroup(group, quota, ratio);
      fc.pre(compaction.refusal === undefined);

      const uses = usesDuringApply(compaction.rulesBefore, compactionSteps(compaction));

      expect(uses.filter((use) => use > Math.max(quota, compaction.rulesBefore))).toEqual([]);
      expect(Math.max(compaction.rulesBefore, ...uses)).toBe(compaction.peakRules);
    },
  );

  test.prop([groupAndQuota])(
    "should refuse exactly when an authorise would take the group over its quota",
    ([group, quota, ratio]) => {
      const compaction = compactGroup(group, quota, ratio);
      const steps = compactionSteps(compaction);

      let used = compaction.rulesBefore;
      let overflows = false;
      for (const step of steps) {
        if (step.authorise.length > 0 && used + 1 > quota) overflows = true;
        used += step.authorise.length - step.revoke.length;
      }

      expect(compaction.refusal !== undefined).toBe(overflows);
    },
  );

  test.prop([groupAndQuota])(
    "should need at most one free rule slot above the use before each step",
    ([group, quota, ratio]) => {
      const steps = compactionSteps(compactGroup(group, quota, ratio));

      expect(steps.filter((step) => step.authorise.length > 1)).toEqual([]);
      expect(steps.filter((step) => step.revoke.length === 0)).toEqual([]);
    },
  );
});
