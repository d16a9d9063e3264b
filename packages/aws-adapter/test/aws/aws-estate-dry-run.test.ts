import { describe, expect, it } from "vitest";
import { liveEstate, withDemoEmulator } from "./support/live-estate.js";
import { DB, meaningOf, tcpRule, WEB } from "./support/rules.js";

const CHANGES = [
  {
    groupId: WEB,
    authorise: [tcpRule(WEB, 443, "10.0.10.0/27")],
    revoke: [{ ...tcpRule(WEB, 443, "10.0.0.0/16"), ruleId: "sgr-0a11ce00000000001" }],
  },
  { groupId: DB, authorise: [tcpRule(DB, 5432, "10.4.8.0/29")], revoke: [] },
];

describe("AwsEstate.dryRun", () => {
  it("should report every call as permitted when the caller may make them all", async () => {
    const calls = await withDemoEmulator({}, (emulator) =>
      liveEstate(emulator.endpoint).dryRun(CHANGES),
    );

    expect(calls).toEqual([
      { groupId: WEB, action: "AuthorizeSecurityGroupIngress", rules: 1, verdict: "permitted" },
      { groupId: WEB, action: "RevokeSecurityGroupIngress", rules: 1, verdict: "permitted" },
      { groupId: DB, action: "AuthorizeSecurityGroupIngress", rules: 1, verdict: "permitted" },
    ]);
  });

  it("should report a denied action with EC2's code and message", async () => {
    const calls = await withDemoEmulator(
      { deniedActions: ["RevokeSecurityGroupIngress"] },
      (emulator) => liveEstate(emulator.endpoint).dryRun(CHANGES),
    );

    expect(calls.filter((call) => call.verdict !== "permitted")).toEqual([
      {
        groupId: WEB,
        action: "RevokeSecurityGroupIngress",
        rules: 1,
        verdict: "denied",
        code: "UnauthorizedOperation",
        message: "You are not authorized to perform this operation.",
      },
    ]);
  });

  it("should send DryRun with the tags apply would send, and change nothing", async () => {
    await withDemoEmulator({}, async (emulator) => {
      const before = meaningOf(emulator);

      await liveEstate(emulator.endpoint, { ruleTags: { "sg-tightener:plan": "d1" } }).dryRun(
        CHANGES,
      );

      expect(meaningOf(emulator)).toEqual(before);
      expect(emulator.calls.every((call) => call.params["DryRun"] === "true")).toBe(true);
      expect(emulator.calls[0]?.params).toMatchObject({
        "TagSpecification.1.ResourceType": "security-group-rule",
        "TagSpecification.1.Tag.1.Key": "sg-tightener:plan",
        "TagSpecification.1.Tag.1.Value": "d1",
      });
    });
  });
});
