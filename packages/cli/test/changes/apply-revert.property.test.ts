import { LocalEstate } from "@sg/aws-adapter";
import { ipv4Cidr, ruleKey, TCP, type Rule } from "@sg/core";
import { fc, test } from "@fast-check/vitest";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { applyChanges, type GroupChanges } from "../../src/changes/apply-changes.js";
import { Journal } from "../../src/changes/journal.js";
import { revertChanges } from "../../src/changes/revert-changes.js";
import { demoWorkspace } from "../support/run-cli.js";

/** A step as drawn: how many new rules it adds, and which of the group's rules it revokes. */
interface DrawnStep {
  readonly add: number;
  readonly revoke: number;
}

/** Changes to some of the demo's groups, and the write call (1-based) that fails, if any. */
const run = fc.record({
  groups: fc.uniqueArray(
    fc.record({
      group: fc.nat({ max: 3 }),
      steps: fc.array(fc.record({ add: fc.nat({ max: 3 }), revoke: fc.nat({ max: 15 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 4, selector: (changes) => changes.group },
  ),
  failingCall: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
});

/** Each group's rules, one comparable line a rule: ids change when a rule is put back. */
type RuleState = Record<string, string[]>;

const lineOf = (rule: Rule): string => `${ruleKey(rule)} ${rule.description ?? ""}`;

const stateOf = async (estate: LocalEstate): Promise<RuleState> =>
  Object.fromEntries(
    (await estate.read()).groups.map((group) => [group.groupId, group.rules.map(lineOf).sort()]),
  );

/**
 * Turns drawn steps into a group's changes: each step authorises new rules and revokes
 * the group's original rules its bit mask picks, each original rule at most once.
 */
const changesOf = (held: readonly Rule[], groupId: string, steps: readonly DrawnStep[]) => {
  const left = [...held];
  let port = 20_000;
  return steps.map(({ add, revoke }) => {
    const authorise = Array.from({ length: add }, (): Rule => {
      port += 1;
      const cidr = ipv4Cidr(((10 << 24) | (99 << 16) | port) >>> 0, 32);
      const ports = { from: port, to: port };
      return { groupId, protocol: TCP, ports, source: { kind: "cidr", cidr }, description: "new" };
    });
    const picked = left.filter((_, index) => (revoke >> index) % 2 === 1);
    picked.forEach((rule) => left.splice(left.indexOf(rule), 1));
    return { authorise, revoke: picked };
  });
};

/** What a group holds once every step has gone through. */
const finalState = (changes: GroupChanges, before: RuleState): string[] => {
  const revoked = new Set(changes.steps.flatMap((step) => step.revoke.map(lineOf)));
  const added = changes.steps.flatMap((step) => step.authorise.map(lineOf));
  const kept = (before[changes.groupId] ?? []).filter((rule) => !revoked.has(rule));
  return [...kept, ...added].sort();
};

/** The writes apply makes for a group: one per non-empty authorise or revoke. */
const callsOf = (changes: GroupChanges): number =>
  changes.steps.reduce(
    (calls, step) => calls + Number(step.authorise.length > 0) + Number(step.revoke.length > 0),
    0,
  );

describe("apply and revert (design.md rule 7)", () => {
  test.prop([run], { numRuns: 40 })(
    "should apply groups all-or-nothing, halt at the first failing one, and revert exactly",
    async ({ groups, failingCall }) => {
      const dir = demoWorkspace();
      const estate = await LocalEstate.open(join(dir, "estate"), {
        ...(failingCall === undefined ? {} : { failMutationNumberForTests: failingCall }),
      });
      const inventory = await estate.read();
      const before = await stateOf(estate);
      const planned = groups.map(({ group, steps }): GroupChanges => {
        const { groupId, rules } = inventory.groups[group]!;
        return { groupId, steps: changesOf(rules, groupId, steps) };
      });
      const journal = new Journal(join(dir, "manifest.json"), {
        command: "apply",
        estate: estate.describe(),
        startedAt: 0,
      });

      const outcome = await applyChanges(estate, planned, journal, () => undefined);

      let calls = 0;
      const failing = planned.findIndex((changes) => {
        calls += callsOf(changes);
        return failingCall !== undefined && failingCall <= calls;
      });
      const expected = { ...before };
      planned.forEach((changes, index) => {
        if (failing < 0 || index < failing) {
          expected[changes.groupId] = finalState(changes, before);
        }
      });
      expect(outcome.kind).toBe(failing < 0 ? "complete" : "halted");
      if (outcome.kind === "halted") expect(outcome.groupId).toBe(planned[failing]!.groupId);
      expect(await stateOf(estate)).toEqual(expected);

      const later = await LocalEstate.open(join(dir, "estate"));
      const reverted = await revertChanges(await later.read(), later, journal.current.changes);

      expect(reverted.failures).toEqual([]);
      expect(await stateOf(later)).toEqual(before);
    },
  );
});
