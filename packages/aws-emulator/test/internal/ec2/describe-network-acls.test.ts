import { describe, expect, it } from "vitest";
import {
  DescribeNetworkAclsCommand,
  type DescribeNetworkAclsCommandInput,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { withEmulator } from "../../support/with-emulator.js";

const fixture = { estateDir: FIXTURE_ESTATE };

describe("DescribeNetworkAcls", () => {
  it("should return entries with numeric protocols, port ranges and the default flag", async () => {
    const acl = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new DescribeNetworkAclsCommand({ NetworkAclIds: ["acl-0a1"] }),
      );
      return out.NetworkAcls?.[0];
    });

    expect(acl?.IsDefault).toBe(true);
    expect(acl?.Entries?.[0]).toEqual({
      CidrBlock: "10.0.0.0/8",
      Egress: false,
      PortRange: { From: 443, To: 443 },
      Protocol: "6",
      RuleAction: "allow",
      RuleNumber: 100,
    });
  });

  it.each<[string, DescribeNetworkAclsCommandInput, string[]]>([
    ["vpc-id", { Filters: [{ Name: "vpc-id", Values: ["vpc-0ddd"] }] }, ["acl-0d1"]],
    [
      "association.subnet-id",
      { Filters: [{ Name: "association.subnet-id", Values: ["subnet-0a2"] }] },
      ["acl-0a1"],
    ],
    ["no filter", {}, ["acl-0a1", "acl-0d1"]],
  ])("should narrow by %s", async (_, input, expected) => {
    const ids = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(new DescribeNetworkAclsCommand(input));
      return out.NetworkAcls?.map((acl) => acl.NetworkAclId);
    });

    expect(ids).toEqual(expected);
  });

  it("should reject an unknown ACL with InvalidNetworkAclID.NotFound", async () => {
    const error = await withEmulator(fixture, ({ endpoint }) =>
      rejectionOf(
        ec2Client(endpoint).send(new DescribeNetworkAclsCommand({ NetworkAclIds: ["acl-0ff"] })),
      ),
    );

    expect(error.name).toBe("InvalidNetworkAclID.NotFound");
  });
});
