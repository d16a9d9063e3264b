import type { EmulatorHandle } from "@sg/aws-emulator";
import { formatCidr, type Inventory, type Rule } from "@sg/core";
import { describe, expect, it } from "vitest";
import { liveEstate, withDemoEmulator } from "./support/live-estate.js";
import { API, DB, meaningOf, tcpRule, WEB } from "./support/rules.js";

const THROTTLED_ACTIONS = [
  "DescribeSecurityGroupRules",
  "AuthorizeSecurityGroupIngress",
  "RevokeSecurityGroupIngress",
];

const STEPS = [
  { groupId: WEB, broad: "10.0.0.0/16", tight: [tcpRule(WEB, 443, "10.0.10.0/27")] },
  { groupId: DB, broad: "10.4.0.0/16", tight: [tcpRule(DB, 5432, "10.4.8.0/29")] },
  {
    groupId: API,
    broad: "10.8.0.0/16",
    tight: [tcpRule(API, 8443, "10.8.2.0/28"), tcpRule(API, 8443, "10.8.16.0/28")],
  },
];

const ruleFrom = (inventory: Inventory, groupId: string, cidr: string): Rule =>
  inventory.groups
    .find((group) => group.groupId === groupId)!
    .rules.find((rule) => rule.source.kind === "cidr" && formatCidr(rule.source.cidr) === cidr)!;

/**
 * What apply and then revert do to three groups: per group, authorise the tight rules and
 * revoke the broad one by its id; then per group in reverse, authorise the broad rule
 * again and revoke the tight ones. Returns the estate's meaning after every call.
 */
const applyAndRevert = async (emulator: EmulatorHandle): Promise<string[][]> => {
  const estate = liveEstate(emulator.endpoint, { maxAttempts: 10 });
  const inventory = await estate.read();
  const trail: string[][] = [];

  const added = new Map<string, Rule[]>();
  for (const step of STEPS) {
    added.set(step.groupId, await estate.authorise(step.groupId, step.tight));
    trail.push(meaningOf(emulator));
    await estate.revoke(step.groupId, [ruleFrom(inventory, step.groupId, step.broad)]);
    trail.push(meaningOf(emulator));
  }
  for (const step of [...STEPS].reverse()) {
    const { ruleId: _old, ...broad } = ruleFrom(inventory, step.groupId, step.broad);
    await estate.authorise(step.groupId, [broad]);
    trail.push(meaningOf(emulator));
    await estate.revoke(step.groupId, added.get(step.groupId) ?? []);
    trail.push(meaningOf(emulator));
  }
  return trail;
};

describe("AwsEstate under throttling", () => {
  it.each([{ seed: 1 }, { seed: 2 }])(
    "should pass through the same states with 3 calls in 10 throttled as without (seed $seed)",
    async ({ seed }) => {
      // Arrange
      const calm = await withDemoEmulator({ seed }, applyAndRevert);

      // Act
      const throttledRun = await withDemoEmulator({ seed }, async (emulator) => {
        for (const action of THROTTLED_ACTIONS) {
          emulator.faults.throttle({ action, fraction: 0.3 });
        }
        return {
          trail: await applyAndRevert(emulator),
          throttled: emulator.calls.filter((call) => call.fault === "throttled").length,
          accepted: emulator.calls.filter(
            (call) => call.action.endsWith("Ingress") && call.status === 200,
          ).length,
        };
      });

      // Assert
      expect(throttledRun.throttled).toBeGreaterThan(0);
      expect(throttledRun.accepted).toBe(4 * STEPS.length);
      expect(throttledRun.trail).toEqual(calm);
    },
  );
});
