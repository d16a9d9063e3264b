import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DescribeSecurityGroupsCommand,
  paginateDescribeSecurityGroups,
  type DescribeSecurityGroupsCommandInput,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { boundedPages } from "../../support/bounded-pages.js";
import { estateOf, groupIdOf } from "../../support/estate-builder.js";
import { startEmulator } from "../../../src/index.js";

describe("DescribeSecurityGroups", () => {
  it("should return the seeded groups with their rules folded into permissions", async () => {
    const emulator = await startEmulator({ estateDir: FIXTURE_ESTATE });
    try {
      const out = await ec2Client(emulator.endpoint).send(
        new DescribeSecurityGroupsCommand({ GroupIds: ["sg-0a0000000000000a1"] }),
      );

      const [web] = out.SecurityGroups ?? [];
      expect(web?.Description).toBe("web tier");
      expect(web?.IpPermissions?.[0]?.IpRanges).toEqual([
        { CidrIp: "10.0.0.0/16", Description: "datacenter" },
        { CidrIp: "10.1.0.0/16" },
      ]);
      expect(web?.IpPermissions?.[2]?.UserIdGroupPairs?.[0]?.GroupId).toBe("sg-0a0000000000000a2");
    } finally {
      await emulator.stop();
    }
  });

  it.each<[string, DescribeSecurityGroupsCommandInput, string[]]>([
    ["vpc-id", { Filters: [{ Name: "vpc-id", Values: ["vpc-0ddd"] }] }, ["sg-0b0000000000000b1"]],
    ["tag", { Filters: [{ Name: "tag:tier", Values: ["db"] }] }, ["sg-0a0000000000000a2"]],
    [
      "wildcard",
      { Filters: [{ Name: "group-name", Values: ["w*", "d?"] }] },
      ["sg-0a0000000000000a1", "sg-0a0000000000000a2"],
    ],
    [
      "cidr",
      { Filters: [{ Name: "ip-permission.cidr", Values: ["172.16.0.0/12"] }] },
      ["sg-0b0000000000000b1"],
    ],
    ["group name", { GroupNames: ["db"] }, ["sg-0a0000000000000a2"]],
  ])("should narrow by %s", async (_, input, expected) => {
    const emulator = await startEmulator({ estateDir: FIXTURE_ESTATE });
    try {
      const out = await ec2Client(emulator.endpoint).send(new DescribeSecurityGroupsCommand(input));

      expect(out.SecurityGroups?.map((group) => group.GroupId)).toEqual(expected);
    } finally {
      await emulator.stop();
    }
  });

  it.each<[string, DescribeSecurityGroupsCommandInput, string]>([
    ["an unknown group id", { GroupIds: ["sg-0ffffffffffffffff"] }, "InvalidGroup.NotFound"],
    ["an unknown group name", { GroupNames: ["nope"] }, "InvalidGroup.NotFound"],
    ["MaxResults below 5", { MaxResults: 4 }, "InvalidParameterValue"],
    ["MaxResults above 1000", { MaxResults: 1001 }, "InvalidParameterValue"],
    [
      "ids with MaxResults",
      { GroupIds: ["sg-0a0000000000000a1"], MaxResults: 5 },
      "InvalidParameterCombination",
    ],
    ["a token it never issued", { NextToken: "bogus" }, "InvalidPaginationToken"],
    [
      "an unknown filter",
      { Filters: [{ Name: "colour", Values: ["x"] }] },
      "InvalidParameterValue",
    ],
  ])("should reject %s", async (_, input, code) => {
    const emulator = await startEmulator({ estateDir: FIXTURE_ESTATE });
    try {
      const error = await rejectionOf(
        ec2Client(emulator.endpoint).send(new DescribeSecurityGroupsCommand(input)),
      );

      expect(error.name).toBe(code);
    } finally {
      await emulator.stop();
    }
  });

  const listAll = async (groupCount: number, pageSize: number) => {
    const ids = Array.from({ length: groupCount }, (_, i) => groupIdOf(i + 1));
    const estate = estateOf(ids.map((groupId) => ({ groupId })));
    const emulator = await startEmulator({ estate, ec2PageSize: pageSize });
    try {
      const client = ec2Client(emulator.endpoint);
      const pages = await boundedPages(
        paginateDescribeSecurityGroups({ client }, { MaxResults: 5 }),
        groupCount + 1,
      );
      return { ids, pages };
    } finally {
      await emulator.stop();
    }
  };
  const sizes: [fc.Arbitrary<number>, fc.Arbitrary<number>] = [
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 1, max: 7 }),
  ];

  test.prop(sizes, { numRuns: 10 })(
    "should list every group exactly once across pages of any size",
    async (groupCount, pageSize) => {
      const { ids, pages } = await listAll(groupCount, pageSize);

      const seen = pages.flatMap((page) => page.SecurityGroups ?? []).map((group) => group.GroupId);
      expect(seen).toEqual(ids);
    },
  );

  test.prop(sizes, { numRuns: 10 })(
    "should hold at most MaxResults and at most the page cap on every page",
    async (groupCount, pageSize) => {
      const { pages } = await listAll(groupCount, pageSize);

      const largest = Math.max(...pages.map((page) => page.SecurityGroups?.length ?? 0));
      expect(largest).toBeLessThanOrEqual(Math.min(5, pageSize));
    },
  );
});
