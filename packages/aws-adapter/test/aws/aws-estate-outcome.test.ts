import {
  startResponseLossProxy,
  type EmulatorHandle,
  type EmulatorOptions,
  type ResponseLossProxy,
} from "@sg/aws-emulator";
import { RuleWriteError } from "@sg/aws-adapter";
import { describe, expect, it } from "vitest";
import { liveEstate, rejectionOf, withDemoEmulator } from "./support/live-estate.js";
import { callsOf, keysOf, meaningOf, tcpRule, WEB } from "./support/rules.js";

const NEW_RULES = [
  tcpRule(WEB, 443, "10.0.10.0/27", "observed"),
  tcpRule(WEB, 443, "10.0.20.10/31", "observed"),
];

/** Runs `body` with a response-losing proxy in front of a fresh demo emulator. */
const withLossyEmulator = <T>(
  options: EmulatorOptions,
  body: (emulator: EmulatorHandle, proxy: ResponseLossProxy) => Promise<T>,
): Promise<T> =>
  withDemoEmulator(options, async (emulator) => {
    const proxy = await startResponseLossProxy(emulator.endpoint);
    try {
      return await body(emulator, proxy);
    } finally {
      await proxy.stop();
    }
  });

describe("a write whose outcome is unknown", () => {
  it.each(["internal-error", "reset"] as const)(
    "should count an authorise as made when its response is lost (%s) after it took effect",
    async (as) => {
      await withLossyEmulator({}, async (emulator, proxy) => {
        // Arrange
        const estate = liveEstate(proxy.endpoint);
        proxy.loseResponse({ action: "AuthorizeSecurityGroupIngress", nth: 1, as });

        // Act
        const added = await estate.authorise(WEB, NEW_RULES);

        // Assert
        expect(proxy.lost).toEqual(["AuthorizeSecurityGroupIngress"]);
        expect(keysOf(added)).toEqual(keysOf(NEW_RULES));
        expect(added.every((rule) => rule.ruleId?.startsWith("sgr-"))).toBe(true);
        expect(callsOf(emulator, "AuthorizeSecurityGroupIngress")).toBe(1);
      });
    },
  );

  it("should count a revoke as made when its response is lost after it took effect", async () => {
    await withLossyEmulator({}, async (emulator, proxy) => {
      const estate = liveEstate(proxy.endpoint);
      const before = meaningOf(emulator);
      const added = await estate.authorise(WEB, NEW_RULES);
      proxy.loseResponse({ action: "RevokeSecurityGroupIngress", nth: 1 });

      await estate.revoke(WEB, added);

      expect(proxy.lost).toEqual(["RevokeSecurityGroupIngress"]);
      expect(meaningOf(emulator)).toEqual(before);
      expect(callsOf(emulator, "RevokeSecurityGroupIngress")).toBe(1);
    });
  });

  it("should send an authorise again, once, when a re-read shows it was not made", async () => {
    await withLossyEmulator({ ec2PageSize: 1000 }, async (emulator) => {
      const estate = liveEstate(emulator.endpoint, { pageSize: 1000 });
      emulator.faults.failCall({
        action: "AuthorizeSecurityGroupIngress",
        nth: 1,
        code: "InternalError",
      });

      const added = await estate.authorise(WEB, NEW_RULES);

      expect(keysOf(added)).toEqual(keysOf(NEW_RULES));
      expect(
        emulator.calls
          .filter((call) => call.action !== "GetServiceQuota")
          .map((call) => `${call.action} ${call.status}`),
      ).toEqual([
        "AuthorizeSecurityGroupIngress 500",
        "DescribeSecurityGroupRules 200",
        "AuthorizeSecurityGroupIngress 200",
      ]);
    });
  });

  it("should give up with EC2's code, changing nothing, when no send is made", async () => {
    await withLossyEmulator({}, async (emulator) => {
      const estate = liveEstate(emulator.endpoint, { unknownOutcomeRetries: 2 });
      const before = meaningOf(emulator);
      emulator.faults.failCall({
        action: "AuthorizeSecurityGroupIngress",
        nth: 1,
        times: 10,
        code: "InternalError",
      });

      const error = await rejectionOf(estate.authorise(WEB, NEW_RULES));

      expect(error).toBeInstanceOf(RuleWriteError);
      expect(error).toMatchObject({ code: "InternalError", groupId: WEB });
      expect((error as Error).message).toContain("3 times, and a re-read shows it was never made");
      expect(callsOf(emulator, "AuthorizeSecurityGroupIngress")).toBe(3);
      expect(meaningOf(emulator)).toEqual(before);
    });
  });

  it("should report OutcomeUnknown when the group cannot be read again", async () => {
    await withLossyEmulator(
      { deniedActions: ["DescribeSecurityGroupRules"] },
      async (emulator, proxy) => {
        const estate = liveEstate(proxy.endpoint);
        proxy.loseResponse({ action: "AuthorizeSecurityGroupIngress", nth: 1 });

        const error = await rejectionOf(estate.authorise(WEB, NEW_RULES));

        expect(error).toMatchObject({ name: "RuleWriteError", code: "OutcomeUnknown" });
        expect((error as Error).message).toContain("may or may not have been made");
        expect(callsOf(emulator, "AuthorizeSecurityGroupIngress")).toBe(1);
      },
    );
  });

  it("should settle through a re-read that failed once and was retried as a read", async () => {
    await withLossyEmulator({}, async (emulator, proxy) => {
      const estate = liveEstate(proxy.endpoint);
      emulator.faults.failCall({
        action: "DescribeSecurityGroupRules",
        nth: 1,
        code: "InternalError",
      });
      proxy.loseResponse({ action: "AuthorizeSecurityGroupIngress", nth: 1 });

      const added = await estate.authorise(WEB, NEW_RULES);

      expect(keysOf(added)).toEqual(keysOf(NEW_RULES));
      expect(callsOf(emulator, "AuthorizeSecurityGroupIngress")).toBe(1);
      expect(callsOf(emulator, "DescribeSecurityGroupRules")).toBeGreaterThan(1);
    });
  });
});
