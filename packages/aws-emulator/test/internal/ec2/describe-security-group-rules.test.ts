import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DescribeSecurityGroupRulesCommand,
  paginateDescribeSecurityGroupRules,
  type DescribeSecurityGroupRulesCommandInput,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { boundedPages } from "../../support/bounded-pages.js";
import { estateOf, groupIdOf, private24s } from "../../support/estate-builder.js";
import { withEmulator } from "../../support/with-emulator.js";

const fixture = { estateDir: FIXTURE_ESTATE };

describe("DescribeSecurityGroupRules", () => {
  it("should keep the ids and tags the rule file gives and mint ids for the rest", async () => {
    const rules = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new DescribeSecurityGroupRulesCommand({
          Filters: [{ Name: "group-id", Values: ["sg-0a0000000000000a1"] }],
        }),
      );
      return out.SecurityGroupRules ?? [];
    });

    expect(rules.map((rule) => [rule.SecurityGroupRuleId?.slice(0, 7), rule.CidrIpv4])).toEqual([
      ["sgr-0aa", "10.0.0.0/16"],
      ["sgr-000", "10.1.0.0/16"],
      ["sgr-000", undefined],
      ["sgr-0aa", "10.2.0.0/24"],
      ["sgr-000", undefined],
      ["sgr-000", "0.0.0.0/0"],
    ]);
    expect(rules[0]?.Tags).toEqual([{ Key: "owner", Value: "netops" }]);
  });

  it("should report a group reference with its referenced group and all ports as -1", async () => {
    const [rule] = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new DescribeSecurityGroupRulesCommand({
          Filters: [
            { Name: "group-id", Values: ["sg-0a0000000000000a1"] },
            { Name: "security-group-rule-id", Values: ["sgr-0000000000000000*"] },
          ],
        }),
      );
      return (out.SecurityGroupRules ?? []).filter((r) => r.ReferencedGroupInfo !== undefined);
    });

    expect(rule).toMatchObject({
      IpProtocol: "-1",
      FromPort: -1,
      ToPort: -1,
      IsEgress: false,
      ReferencedGroupInfo: { GroupId: "sg-0a0000000000000a2", UserId: "111122223333" },
      Description: "db",
    });
  });

  it("should find rules by id", async () => {
    const ids = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: ["sgr-0aa00000000000002"] }),
      );
      return out.SecurityGroupRules?.map((rule) => rule.SecurityGroupRuleId);
    });

    expect(ids).toEqual(["sgr-0aa00000000000002"]);
  });

  it.each<[string, DescribeSecurityGroupRulesCommandInput, string]>([
    ["MaxResults 4", { MaxResults: 4 }, "InvalidParameterValue"],
    ["MaxResults 1001", { MaxResults: 1001 }, "InvalidParameterValue"],
    [
      "an unknown rule id",
      { SecurityGroupRuleIds: ["sgr-0ffffffffffffffff"] },
      "InvalidSecurityGroupRuleId.NotFound",
    ],
  ])("should reject %s", async (_, input, code) => {
    const error = await withEmulator(fixture, ({ endpoint }) =>
      rejectionOf(ec2Client(endpoint).send(new DescribeSecurityGroupRulesCommand(input))),
    );

    expect(error.name).toBe(code);
  });

  it.each([5, 1000])("should accept MaxResults %i", async (maxResults) => {
    const out = await withEmulator(fixture, ({ endpoint }) =>
      ec2Client(endpoint).send(new DescribeSecurityGroupRulesCommand({ MaxResults: maxResults })),
    );

    expect(out.SecurityGroupRules?.length).toBe(Math.min(maxResults, 10));
  });

  test.prop([fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 })], { numRuns: 10 })(
    "should list every rule of a group exactly once across small pages",
    async (ruleCount, pageSize) => {
      const cidrs = private24s(ruleCount);
      const estate = estateOf([
        { groupId: groupIdOf(1), cidrs },
        { groupId: groupIdOf(2), cidrs: private24s(3) },
      ]);

      const pages = await withEmulator({ estate, ec2PageSize: pageSize }, ({ endpoint }) =>
        boundedPages(
          paginateDescribeSecurityGroupRules(
            { client: ec2Client(endpoint) },
            { Filters: [{ Name: "group-id", Values: [groupIdOf(1)] }], MaxResults: 5 },
          ),
          ruleCount + 2,
        ),
      );

      const listed = pages.flatMap((page) => page.SecurityGroupRules ?? []);
      expect(listed.map((rule) => rule.CidrIpv4)).toEqual(cidrs);
    },
  );
});
