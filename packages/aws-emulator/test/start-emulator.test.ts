import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf } from "./support/sdk-clients.js";
import { groupIdOf } from "./support/estate-builder.js";
import { withEmulator } from "./support/with-emulator.js";
import { startEmulator, type AwsSecurityGroup, type EstateFiles } from "../src/index.js";

const fixtureDocument = async (name: string): Promise<unknown> =>
  JSON.parse(await readFile(join(FIXTURE_ESTATE, name), "utf8"));

describe("startEmulator seeding", () => {
  it.each([
    ["security-groups.json", "securityGroups"],
    ["network-interfaces.json", "networkInterfaces"],
    ["network-acls.json", "networkAcls"],
  ] as const)("should export %s exactly as seeded", async (file, key) => {
    const exported = await withEmulator({ estateDir: FIXTURE_ESTATE }, async ({ state }) =>
      state.exportEstate(),
    );

    expect(exported[key]).toEqual(await fixtureDocument(file));
  });

  it("should add rules the rule file lists but the groups do not", async () => {
    const estate: EstateFiles = {
      securityGroups: { SecurityGroups: [{ GroupId: "sg-1", VpcId: "vpc-1" }] },
      networkInterfaces: { NetworkInterfaces: [] },
      securityGroupRules: {
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: "sgr-0only",
            GroupId: "sg-1",
            IsEgress: false,
            IpProtocol: "udp",
            FromPort: 53,
            ToPort: 53,
            CidrIpv4: "10.0.0.0/8",
          },
        ],
      },
    };

    const groups = await withEmulator({ estate }, async ({ state }) =>
      state.exportSecurityGroups(),
    );

    expect(groups.SecurityGroups[0]?.IpPermissions?.[0]).toMatchObject({
      IpProtocol: "udp",
      IpRanges: [{ CidrIp: "10.0.0.0/8" }],
    });
  });

  it.each<[string, EstateFiles, string]>([
    [
      "a rule listed twice",
      {
        securityGroups: {
          SecurityGroups: [
            {
              GroupId: "sg-1",
              IpPermissions: [
                {
                  IpProtocol: "-1",
                  IpRanges: [{ CidrIp: "10.0.0.0/8" }, { CidrIp: "10.0.0.0/8" }],
                },
              ],
            },
          ],
        },
        networkInterfaces: { NetworkInterfaces: [] },
      },
      "lists a rule twice",
    ],
    [
      "a malformed CIDR",
      {
        securityGroups: {
          SecurityGroups: [
            {
              GroupId: "sg-1",
              IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "10/8" }] }],
            },
          ],
        },
        networkInterfaces: { NetworkInterfaces: [] },
      },
      "cannot seed group sg-1",
    ],
    [
      "a rule of an unknown group",
      {
        securityGroups: { SecurityGroups: [] },
        networkInterfaces: { NetworkInterfaces: [] },
        securityGroupRules: {
          SecurityGroupRules: [
            { SecurityGroupRuleId: "sgr-1", GroupId: "sg-9", IsEgress: false, IpProtocol: "-1" },
          ],
        },
      },
      "group sg-9 is not in the groups",
    ],
  ])("should refuse to start on %s", async (_, estate, message) => {
    await expect(startEmulator({ estate })).rejects.toThrow(message);
  });

  const permission = fc.record({
    protocol: fc.constantFrom("tcp", "udp"),
    port: fc.integer({ min: 0, max: 65535 }),
    blocks: fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }),
  });
  const groups = fc.array(
    fc.uniqueArray(permission, {
      selector: (p) => `${p.protocol}/${p.port}`,
      maxLength: 4,
    }),
    { maxLength: 5 },
  );

  test.prop([groups], { numRuns: 25 })(
    "should export any seeded groups unchanged",
    async (sketches) => {
      const SecurityGroups: AwsSecurityGroup[] = sketches.map((permissions, index) => ({
        GroupId: groupIdOf(index + 1),
        GroupName: `g${index}`,
        IpPermissions: permissions.map(({ protocol, port, blocks }) => ({
          IpProtocol: protocol,
          FromPort: port,
          ToPort: port,
          IpRanges: blocks.map((block) => ({ CidrIp: `10.${block}.0.0/16` })),
          Ipv6Ranges: [],
          PrefixListIds: [],
          UserIdGroupPairs: [],
        })),
        IpPermissionsEgress: [],
      }));
      const estate = {
        securityGroups: { SecurityGroups },
        networkInterfaces: { NetworkInterfaces: [] },
      };

      const exported = await withEmulator({ estate }, async ({ state }) =>
        state.exportSecurityGroups(),
      );

      expect(exported.SecurityGroups).toEqual(SecurityGroups);
    },
  );
});

describe("startEmulator serving", () => {
  it("should behave as the README example says", async () => {
    const emulator = await startEmulator({ estateDir: FIXTURE_ESTATE, ec2PageSize: 5 });
    const ec2 = ec2Client(emulator.endpoint);
    emulator.faults.failCall({
      action: "DescribeSecurityGroupRules",
      nth: 2,
      code: "InternalError",
    });

    const first = await ec2.send(new DescribeSecurityGroupRulesCommand({ MaxResults: 5 }));
    const second = await rejectionOf(ec2.send(new DescribeSecurityGroupRulesCommand({})));
    const exported = emulator.state.exportSecurityGroupRules().SecurityGroupRules;
    const logged = emulator.calls.map((call) => [call.action, call.status]);
    await emulator.stop();

    expect([first.SecurityGroupRules?.length, typeof first.NextToken]).toEqual([5, "string"]);
    expect(second.name).toBe("InternalError");
    expect(exported).toHaveLength(10);
    expect(logged).toEqual([
      ["DescribeSecurityGroupRules", 200],
      ["DescribeSecurityGroupRules", 500],
    ]);
  });

  it("should listen on 127.0.0.1 only", async () => {
    const host = await withEmulator({}, async ({ endpoint }) => new URL(endpoint).hostname);

    expect(host).toBe("127.0.0.1");
  });

  it.each([
    [
      "an EC2 call without SigV4 headers",
      {},
      "Action=DescribeRegions&Version=2016-11-15",
      403,
      "MissingAuthenticationToken",
    ],
    [
      "a JSON call without SigV4 headers",
      { "x-amz-target": "Logs_20140328.DescribeLogGroups" },
      "{}",
      403,
      "MissingAuthenticationTokenException",
    ],
    [
      "an action EC2 does not have",
      { authorization: "AWS4-HMAC-SHA256 Credential=x", "x-amz-date": "20240101T000000Z" },
      "Action=LaunchRockets&Version=2016-11-15",
      400,
      "InvalidAction",
    ],
    [
      "a target no service claims",
      {
        authorization: "AWS4-HMAC-SHA256 Credential=x",
        "x-amz-date": "20240101T000000Z",
        "x-amz-target": "Nope_2020.Do",
      },
      "{}",
      400,
      "UnknownOperationException",
    ],
  ])("should refuse %s", async (_, headers, body, status, code) => {
    const response = await withEmulator({}, async ({ endpoint }) => {
      const reply = await fetch(endpoint, { method: "POST", headers, body });
      return { status: reply.status, text: await reply.text() };
    });

    expect(response.status).toBe(status);
    expect(response.text).toContain(code);
  });

  it("should log each call with its parameters and outcome", async () => {
    const calls = await withEmulator({ estateDir: FIXTURE_ESTATE }, async ({ endpoint, calls }) => {
      const command = new DescribeSecurityGroupsCommand({ GroupIds: ["sg-0a0000000000000a1"] });
      await ec2Client(endpoint).send(command);
      return [...calls];
    });

    expect(calls).toEqual([
      {
        service: "ec2",
        action: "DescribeSecurityGroups",
        params: { "GroupId.1": "sg-0a0000000000000a1" },
        requestId: expect.any(String),
        status: 200,
      },
    ]);
  });

  it("should stop accepting connections once stopped", async () => {
    const emulator = await startEmulator({});
    await emulator.stop();

    await expect(fetch(emulator.endpoint, { method: "POST" })).rejects.toThrow();
  });
});
