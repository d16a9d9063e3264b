import { fc, test } from "@fast-check/vitest";
import { RuleWriteError } from "@sg/aws-adapter";
import type { EmulatorOptions } from "@sg/aws-emulator";
import { ruleKey, type Rule } from "@sg/core";
import { describe, expect, it } from "vitest";
import { liveEstate, rejectionOf, withDemoEmulator } from "./support/live-estate.js";
import { DB, keysOf, meaningOf, tcpRule, WEB } from "./support/rules.js";

/** Distinct /32 sources inside the web tier's broad 10.0.0.0/16 rule, on tcp/443. */
const newRules = fc
  .uniqueArray(fc.integer({ min: 1, max: 65_000 }), { minLength: 1, maxLength: 8 })
  .map((hosts) =>
    hosts.map((host) => tcpRule(WEB, 443, `10.0.${host >> 8}.${host & 255}/32`, `host ${host}`)),
  );

describe("AwsEstate.authorise and revoke", () => {
  test.prop([newRules], { numRuns: 10 })(
    "should leave the estate as it was after authorising rules and revoking them",
    async (rules) => {
      await withDemoEmulator({}, async (emulator) => {
        // Arrange
        const estate = liveEstate(emulator.endpoint);
        const before = meaningOf(emulator);

        // Act
        const added = await estate.authorise(WEB, rules);
        await estate.revoke(WEB, added);

        // Assert
        expect(meaningOf(emulator)).toEqual(before);
      });
    },
  );

  test.prop([newRules], { numRuns: 10 })(
    "should return the new rules in the order asked, with the ids a read then shows",
    async (rules) => {
      await withDemoEmulator({}, async (emulator) => {
        const estate = liveEstate(emulator.endpoint);

        const added = await estate.authorise(WEB, rules);

        expect(added.map(ruleKey)).toEqual(rules.map(ruleKey));
        const held = (await estate.read()).groups.find((group) => group.groupId === WEB)!.rules;
        expect(added.every((rule) => held.some((h) => h.ruleId === rule.ruleId))).toBe(true);
      });
    },
  );

  it("should keep each rule's description and tag every new rule", async () => {
    await withDemoEmulator({}, async (emulator) => {
      const estate = liveEstate(emulator.endpoint, {
        ruleTags: { "sg-tightener:plan": "abc123" },
      });

      const added = await estate.authorise(WEB, [tcpRule(WEB, 443, "10.0.10.0/27", "observed")]);

      const stored = emulator.state
        .exportSecurityGroupRules()
        .SecurityGroupRules.find((rule) => rule.SecurityGroupRuleId === added[0]?.ruleId);
      expect(stored).toMatchObject({
        CidrIpv4: "10.0.10.0/27",
        Description: "observed",
        Tags: [{ Key: "sg-tightener:plan", Value: "abc123" }],
      });
    });
  });

  it.each([
    { case: "every rule has its id", withIds: true, sent: "SecurityGroupRuleId.1" },
    { case: "a rule has no id", withIds: false, sent: "IpPermissions.1.IpProtocol" },
  ])("should revoke by the form that fits when $case", async ({ withIds, sent }) => {
    await withDemoEmulator({}, async (emulator) => {
      const estate = liveEstate(emulator.endpoint);
      const added = await estate.authorise(WEB, [tcpRule(WEB, 443, "10.0.10.0/27")]);
      const rules = withIds ? added : added.map(({ ruleId: _id, ...rule }): Rule => rule);

      await estate.revoke(WEB, rules);

      const revoke = emulator.calls.find((call) => call.action === "RevokeSecurityGroupIngress");
      expect(Object.keys(revoke?.params ?? {})).toContain(sent);
      expect(
        keysOf((await estate.read()).groups.find((g) => g.groupId === WEB)!.rules),
      ).not.toContain(ruleKey(rules[0]!));
    });
  });

  it("should make no call for an empty list of rules", async () => {
    await withDemoEmulator({}, async (emulator) => {
      const estate = liveEstate(emulator.endpoint);

      expect(await estate.authorise(WEB, [])).toEqual([]);
      await estate.revoke(WEB, []);

      expect(emulator.calls).toEqual([]);
    });
  });
});

interface FailureCase {
  readonly code: string;
  readonly emulator?: EmulatorOptions;
  readonly act: (estate: ReturnType<typeof liveEstate>) => Promise<unknown>;
}

const BROAD_WEB_RULE = tcpRule(WEB, 443, "10.0.0.0/16", "Datacenter HTTPS (DX)");
const NEW_WEB_RULE = tcpRule(WEB, 443, "10.0.10.0/27");

const FAILURES: readonly FailureCase[] = [
  { code: "InvalidPermission.Duplicate", act: (e) => e.authorise(WEB, [BROAD_WEB_RULE]) },
  {
    code: "InvalidGroup.NotFound",
    act: (e) => e.authorise("sg-0000000000000gone", [NEW_WEB_RULE]),
  },
  {
    code: "RulesPerSecurityGroupLimitExceeded",
    emulator: { quotaByGroup: { [WEB]: 4 } },
    act: (e) => e.authorise(WEB, [NEW_WEB_RULE]),
  },
  {
    code: "InvalidParameterValue",
    act: (e) => e.authorise(WEB, [NEW_WEB_RULE, NEW_WEB_RULE]),
  },
  { code: "InvalidPermission.NotFound", act: (e) => e.revoke(WEB, [NEW_WEB_RULE]) },
  {
    code: "InvalidSecurityGroupRuleId.NotFound",
    act: (e) => e.revoke(WEB, [{ ...NEW_WEB_RULE, ruleId: "sgr-0000000000000dead" }]),
  },
  {
    code: "UnauthorizedOperation",
    emulator: { deniedActions: ["AuthorizeSecurityGroupIngress"] },
    act: (e) => e.authorise(WEB, [NEW_WEB_RULE]),
  },
  {
    code: "UnauthorizedOperation",
    emulator: { deniedActions: ["RevokeSecurityGroupIngress"] },
    act: (e) => e.revoke(DB, [tcpRule(DB, 5432, "10.4.0.0/16")]),
  },
];

describe("AwsEstate write failures", () => {
  it.each(FAILURES)("should raise $code as a RuleWriteError and change nothing", async (row) => {
    await withDemoEmulator(row.emulator ?? {}, async (emulator) => {
      const before = meaningOf(emulator);

      const error = await rejectionOf(row.act(liveEstate(emulator.endpoint)));

      expect(error).toBeInstanceOf(RuleWriteError);
      expect(error).toMatchObject({ code: row.code });
      expect(meaningOf(emulator)).toEqual(before);
    });
  });

  it("should raise RequestLimitExceeded once the SDK's attempts are spent", async () => {
    await withDemoEmulator({}, async (emulator) => {
      emulator.faults.throttle({ action: "AuthorizeSecurityGroupIngress", fraction: 1 });

      const error = await rejectionOf(
        liveEstate(emulator.endpoint, { maxAttempts: 2 }).authorise(WEB, [NEW_WEB_RULE]),
      );

      expect(error).toMatchObject({ name: "RuleWriteError", code: "RequestLimitExceeded" });
      expect(emulator.calls.filter((call) => call.fault === "throttled")).toHaveLength(2);
    });
  });
});
