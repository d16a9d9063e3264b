import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupRulesCommand,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { startResponseLossProxy } from "../src/index.js";
import { FIXTURE_ESTATE, ec2Client, rejectionOf, statusOf } from "./support/sdk-clients.js";
import { withEmulator } from "./support/with-emulator.js";

const GROUP = "sg-0a0000000000000a1";

const authorise = {
  GroupId: GROUP,
  IpPermissions: [
    { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.77.0.0/24" }] },
  ],
};

const heldCidrs = async (endpoint: string): Promise<string[]> => {
  const out = await ec2Client(endpoint).send(
    new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [GROUP] }] }),
  );
  return (out.SecurityGroupRules ?? []).flatMap((rule) => (rule.CidrIpv4 ? [rule.CidrIpv4] : []));
};

describe("startResponseLossProxy", () => {
  it.each([
    { as: "internal-error" as const, expected: "InternalError" },
    { as: "reset" as const, expected: "ECONNRESET" },
  ])("should apply the call and then answer it with $as", async ({ as, expected }) => {
    await withEmulator({ estateDir: FIXTURE_ESTATE }, async (emulator) => {
      const proxy = await startResponseLossProxy(emulator.endpoint);
      try {
        proxy.loseResponse({ action: "AuthorizeSecurityGroupIngress", nth: 1, as });

        const error = await rejectionOf(
          ec2Client(proxy.endpoint).send(new AuthorizeSecurityGroupIngressCommand(authorise)),
        );

        expect([error.name, (error as { code?: string }).code]).toContain(expected);
        expect(as === "reset" || statusOf(error) === 500).toBe(true);
        expect(proxy.lost).toEqual(["AuthorizeSecurityGroupIngress"]);
        expect(await heldCidrs(emulator.endpoint)).toContain("10.77.0.0/24");
      } finally {
        await proxy.stop();
      }
    });
  });

  it("should pass calls through unchanged when no loss is armed", async () => {
    await withEmulator({ estateDir: FIXTURE_ESTATE }, async (emulator) => {
      const proxy = await startResponseLossProxy(emulator.endpoint);
      try {
        const out = await ec2Client(proxy.endpoint).send(
          new AuthorizeSecurityGroupIngressCommand(authorise),
        );

        expect(out.SecurityGroupRules?.[0]?.CidrIpv4).toBe("10.77.0.0/24");
        expect(proxy.lost).toEqual([]);
      } finally {
        await proxy.stop();
      }
    });
  });
});
