import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  admitsTraffic,
  blockContains,
  buildPlan,
  eligibilityOf,
  ipv4QuotaCost,
  isSubsetOf,
  rfc1918HomeOf,
  ruleKey,
  type Ipv4Cidr,
  type Rule,
} from "@sg/core";
import { inventoryAfter } from "../support/apply-plan.js";
import { ALL_TIME, groupScenario } from "../support/arbitraries.js";

const ipv4Of = (rule: Rule): Ipv4Cidr | undefined =>
  rule.source.kind === "cidr" && rule.source.cidr.family === "ipv4" ? rule.source.cidr : undefined;

const tolerance = fc.integer({ min: 0, max: 95 });
const strategy = fc.constantFrom("optimal" as const, "classic" as const);

describe("plan invariants (design.md)", () => {
  test.prop([groupScenario(), tolerance])(
    "1. should never widen: each new rule lies inside a revoked rule of the same traffic",
    ({ inventory, evidence }, t) => {
      const plan = buildPlan(inventory, evidence, { window: ALL_TIME, tolerance: t });

      for (const group of plan.groups) {
        for (const added of group.authorise) {
          const origin = group.rules.find(
            (r) =>
              r.status === "tightened" &&
              r.rule.protocol === added.protocol &&
              JSON.stringify(r.rule.ports) === JSON.stringify(added.ports) &&
              isSubsetOf(ipv4Of(added)!, ipv4Of(r.rule)!),
          );
          expect(origin).toBeDefined();
        }
      }
    },
  );

  test.prop([groupScenario(), tolerance])(
    "2. should admit after the plan every source a revoked rule admitted",
    ({ inventory, evidence }, t) => {
      const plan = buildPlan(inventory, evidence, { window: ALL_TIME, tolerance: t });
      const after = inventoryAfter(inventory, plan);

      for (const group of plan.groups) {
        const revoked = group.revoke;
        const rules = after.groups.find((g) => g.groupId === group.groupId)!.rules;
        for (const entry of evidence) {
          const wasAdmitted = revoked.some(
            (r) =>
              admitsTraffic(r, entry.protocol, entry.port) &&
              blockContains(ipv4Of(r)!, entry.source),
          );
          if (!wasAdmitted) continue;
          const stillAdmitted = rules.some((r) => {
            const block = ipv4Of(r);
            return (
              block &&
              admitsTraffic(r, entry.protocol, entry.port) &&
              blockContains(block, entry.source)
            );
          });
          expect(stillAdmitted).toBe(true);
        }
      }
    },
  );

  test.prop([groupScenario(), tolerance, strategy])(
    "3. should keep every group within quota at every moment of its apply steps",
    ({ inventory, evidence }, t, chosen) => {
      const plan = buildPlan(inventory, evidence, {
        window: ALL_TIME,
        tolerance: t,
        strategy: chosen,
      });

      for (const group of plan.groups) {
        const quota = inventory.defaultQuota;
        let rules = [...inventory.groups.find((g) => g.groupId === group.groupId)!.rules];
        const cost = () => rules.reduce((s, r) => s + ipv4QuotaCost(r), 0);
        expect(cost()).toBeLessThanOrEqual(quota);
        for (const step of group.steps) {
          rules = [...rules, ...step.authorise];
          expect(cost()).toBeLessThanOrEqual(quota);
          const revoked = new Set(step.revoke.map(ruleKey));
          rules = rules.filter((r) => !revoked.has(ruleKey(r)));
          expect(cost()).toBeLessThanOrEqual(quota);
        }
      }
    },
  );

  test.prop([groupScenario(), tolerance])(
    "4. should revoke only eligible rules, and keep unused ones",
    ({ inventory, evidence }, t) => {
      const plan = buildPlan(inventory, evidence, { window: ALL_TIME, tolerance: t });

      for (const group of plan.groups) {
        expect(group.revoke.every((r) => eligibilityOf(r).eligible)).toBe(true);
        const unused = group.rules.filter((r) => r.observedSources === 0 && r.status !== "kept");
        expect(unused.every((r) => r.status === "unused" || r.status === "unchanged")).toBe(true);
      }
    },
  );

  test.prop([groupScenario(), tolerance])(
    "5. should never cross an RFC 1918 block boundary",
    ({ inventory, evidence }, t) => {
      const plan = buildPlan(inventory, evidence, { window: ALL_TIME, tolerance: t });

      for (const group of plan.groups) {
        for (const rule of group.rules.filter((r) => r.status === "tightened")) {
          const home = rfc1918HomeOf(ipv4Of(rule.rule)!);
          expect(rule.replacements.every((b) => rfc1918HomeOf(b) === home)).toBe(true);
        }
      }
    },
  );

  const shuffledScenario = groupScenario().chain((scenario) =>
    fc.tuple(
      fc.constant(scenario),
      fc.shuffledSubarray([...scenario.evidence], { minLength: scenario.evidence.length }),
      fc.shuffledSubarray([...scenario.inventory.groups[0]!.rules], {
        minLength: scenario.inventory.groups[0]!.rules.length,
      }),
    ),
  );

  test.prop([shuffledScenario, tolerance])(
    "6. should give byte-identical plans whatever the order of evidence and rules",
    ([{ inventory, evidence }, evidenceOrder, ruleOrder], t) => {
      const group = { ...inventory.groups[0]!, rules: ruleOrder };
      const reordered = { ...inventory, groups: [group] };

      const first = buildPlan(inventory, evidence, { window: ALL_TIME, tolerance: t });
      const second = buildPlan(reordered, evidenceOrder, { window: ALL_TIME, tolerance: t });

      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    },
  );

  test.prop([groupScenario(), tolerance])(
    "should change nothing when planning an already tightened estate (layer 1 fit)",
    ({ inventory, evidence }, t) => {
      const first = buildPlan(inventory, evidence, { window: ALL_TIME, tolerance: t });
      fc.pre(first.groups.every((g) => g.trace.length === 1));

      const second = buildPlan(inventoryAfter(inventory, first), evidence, {
        window: ALL_TIME,
        tolerance: t,
      });

      for (const group of second.groups) {
        expect(group.authorise.map(ruleKey)).toEqual([]);
        expect(group.revoke.map(ruleKey)).toEqual([]);
      }
    },
  );
});
