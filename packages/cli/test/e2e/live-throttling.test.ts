import { describe, expect, it } from "vitest";
import { analysedWorkspace, emulatorMeaning, runLive, startDemoEmulator } from "./live-estate.js";

const THROTTLED = [
  "DescribeSecurityGroups",
  "DescribeSecurityGroupRules",
  "DescribeNetworkInterfaces",
  "AuthorizeSecurityGroupIngress",
  "RevokeSecurityGroupIngress",
];

/** Plans and applies on a fresh demo emulator; returns the state after apply and the calls. */
const planAndApply = async (throttled: boolean) => {
  const dir = await analysedWorkspace();
  const emulator = await startDemoEmulator({ seed: 7 });
  try {
    const plan = await runLive(dir, emulator, [
      "plan",
      "--approved",
      "approved.json",
      "--out",
      "plan.json",
    ]);
    if (throttled) {
      for (const action of THROTTLED) emulator.faults.throttle({ action, fraction: 0.3 });
    }
    const apply = await runLive(dir, emulator, ["apply", "--plan", "plan.json"]);
    return {
      codes: [plan.code, apply.code],
      meaning: await emulatorMeaning(emulator),
      inbound: emulator.state.exportSecurityGroupRules().SecurityGroupRules.length,
      throttled: emulator.calls.filter((call) => call.fault === "throttled").length,
    };
  } finally {
    await emulator.stop();
  }
};

describe("a live apply with 3 calls in 10 throttled", () => {
  it("should end in the same state as without throttling, no rule lost or doubled", async () => {
    // Arrange
    const calm = await planAndApply(false);

    // Act
    const throttled = await planAndApply(true);

    // Assert
    expect(throttled.codes).toEqual([0, 0]);
    expect(throttled.throttled).toBeGreaterThan(0);
    expect(throttled.meaning).toEqual(calm.meaning);
    expect(throttled.inbound).toBe(calm.inbound);
  });
});
