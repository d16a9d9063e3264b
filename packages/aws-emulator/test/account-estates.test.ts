import { DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { startEmulator, type EmulatorOptions } from "../src/index.js";
import { estateOf } from "./support/estate-builder.js";
import { rejectionOf, statusOf } from "./support/sdk-clients.js";
import { withEmulator } from "./support/with-emulator.js";

const sessionKey = (accountId: string): string => `ASIA${accountId}0001`;

const ec2 = (endpoint: string, region: string, accessKeyId = "AKIAEMULATORTEST0001") =>
  new EC2Client({
    endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey: "secret", sessionToken: "token" },
    maxAttempts: 1,
  });

const groupIds = async (client: EC2Client): Promise<string[]> =>
  ((await client.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? []).map(
    (group) => group.GroupId ?? "",
  );

const OPTIONS: EmulatorOptions = {
  estate: estateOf([{ groupId: "sg-default" }]),
  estates: [
    {
      accountId: "111111111111",
      region: "us-east-1",
      estate: estateOf([{ groupId: "sg-a-use1" }]),
    },
    {
      accountId: "111111111111",
      region: "eu-west-1",
      estate: estateOf([{ groupId: "sg-a-euw1" }]),
    },
  ],
};

describe("per-account, per-Region EC2 estates", () => {
  it.each([
    ["the default account in its Region", "us-east-1", undefined, ["sg-default"]],
    ["an account's session key in one Region", "us-east-1", "111111111111", ["sg-a-use1"]],
    ["the same account in another Region", "eu-west-1", "111111111111", ["sg-a-euw1"]],
    ["an account with no estate there", "us-west-2", "111111111111", []],
    ["the default account in a Region it has no estate in", "eu-west-1", undefined, []],
  ])("should serve %s", async (_case, region, account, expected) => {
    const ids = await withEmulator(OPTIONS, ({ endpoint }) =>
      groupIds(ec2(endpoint, region, account === undefined ? undefined : sessionKey(account))),
    );

    expect(ids).toEqual(expected);
  });

  it("should serve a lone estate in every Region when no per-account ones are given", async () => {
    const ids = await withEmulator({ estate: OPTIONS.estate! }, ({ endpoint }) =>
      groupIds(ec2(endpoint, "ap-east-1")),
    );

    expect(ids).toEqual(["sg-default"]);
  });

  it("should refuse EC2 calls in a Region not opted into with AuthFailure (401)", async () => {
    const error = await withEmulator(OPTIONS, ({ endpoint }) =>
      rejectionOf(groupIds(ec2(endpoint, "af-south-1"))),
    );

    expect(error.name).toBe("AuthFailure");
    expect(statusOf(error)).toBe(401);
  });

  it("should read back one account's estate in one Region", async () => {
    const groups = await withEmulator(OPTIONS, async ({ stateOf }) =>
      stateOf("111111111111", "eu-west-1").exportSecurityGroups(),
    );

    expect(groups.SecurityGroups.map((group) => group.GroupId)).toEqual(["sg-a-euw1"]);
  });

  it.each<[string, EmulatorOptions, RegExp]>([
    [
      "two estates for one account and Region",
      { estates: [OPTIONS.estates![0]!, OPTIONS.estates![0]!] },
      /111111111111\/us-east-1: it has two estates/,
    ],
    [
      "an account under an unknown OU",
      {
        organization: {
          accounts: [{ id: "111111111111", name: "a", parentId: "ou-none-12345678" }],
        },
      },
      /111111111111 is under unknown ou-none-12345678/,
    ],
  ])("should refuse to start with %s", async (_case, options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
  });
});
