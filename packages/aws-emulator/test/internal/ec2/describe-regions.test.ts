import { describe, expect, it } from "vitest";
import { DescribeRegionsCommand, type DescribeRegionsCommandInput } from "@aws-sdk/client-ec2";
import { ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { withEmulator } from "../../support/with-emulator.js";

const regions = [
  { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
  { RegionName: "ap-east-1", OptInStatus: "opted-in" },
  { RegionName: "af-south-1", OptInStatus: "not-opted-in" },
] as const;

describe("DescribeRegions", () => {
  it.each<[string, DescribeRegionsCommandInput, string[]]>([
    ["the enabled Regions by default", {}, ["us-east-1", "ap-east-1"]],
    [
      "every Region with AllRegions",
      { AllRegions: true },
      ["us-east-1", "ap-east-1", "af-south-1"],
    ],
    [
      "the Regions an opt-in-status filter keeps",
      { AllRegions: true, Filters: [{ Name: "opt-in-status", Values: ["not-opted-in"] }] },
      ["af-south-1"],
    ],
    ["the named Regions", { RegionNames: ["ap-east-1"] }, ["ap-east-1"]],
  ])("should list %s", async (_, input, expected) => {
    const names = await withEmulator({ regions }, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(new DescribeRegionsCommand(input));
      return out.Regions?.map((region) => region.RegionName);
    });

    expect(names).toEqual(expected);
  });

  it("should report each Region's endpoint and opt-in status", async () => {
    const region = await withEmulator({ regions }, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(new DescribeRegionsCommand({}));
      return out.Regions?.[1];
    });

    expect(region).toEqual({
      RegionName: "ap-east-1",
      Endpoint: "ec2.ap-east-1.amazonaws.com",
      OptInStatus: "opted-in",
    });
  });

  it("should reject an unknown Region name", async () => {
    const error = await withEmulator({ regions }, ({ endpoint }) =>
      rejectionOf(ec2Client(endpoint).send(new DescribeRegionsCommand({ RegionNames: ["xx-1"] }))),
    );

    expect(error.name).toBe("InvalidParameterValue");
  });
});
