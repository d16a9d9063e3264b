import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
  type RevokeSecurityGroupIngressCommandInput,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { estateOf, groupIdOf, private24s } from "../../support/estate-builder.js";
import { withEmulator } from "../../support/with-emulator.js";

const WEB = "sg-0a0000000000000a1";
const DEFAULT_VPC_GROUP = "sg-0b0000000000000b1";
const fixture = { estateDir: FIXTURE_ESTATE };

const tcp = (port: number, cidr: string, Description?: string): IpPermission => ({
  IpProtocol: "tcp",
  FromPort: port,
  ToPort: port,
  IpRanges: [{ CidrIp: cidr, Description }],
});

const remainingCidrs = (rules: { CidrIpv4?: string; GroupId: string; IsEgress: boolean }[]) =>
  rules.filter((rule) => rule.GroupId === WEB && !rule.IsEgress).map((rule) => rule.CidrIpv4);

describe("RevokeSecurityGroupIngress", () => {
  it("should revoke by rule id and report what it revoked", async () => {
    const { out, left } = await withEmulator(fixture, async ({ endpoint, state }) => {
      const out = await ec2Client(endpoint).send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: WEB,
          SecurityGroupRuleIds: ["sgr-0aa00000000000001"],
        }),
      );
      return { out, left: remainingCidrs(state.exportSecurityGroupRules().SecurityGroupRules) };
    });

    expect(out.Return).toBe(true);
    expect(out.RevokedSecurityGroupRules).toEqual([
      expect.objectContaining({
        SecurityGroupRuleId: "sgr-0aa00000000000001",
        CidrIpv4: "10.0.0.0/16",
      }),
    ]);
    expect(left).not.toContain("10.0.0.0/16");
  });

  it("should revoke by permission whatever the description says", async () => {
    const left = await withEmulator(fixture, async ({ endpoint, state }) => {
      await ec2Client(endpoint).send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: WEB,
          IpPermissions: [tcp(443, "10.0.0.0/16", "another description")],
        }),
      );
      return remainingCidrs(state.exportSecurityGroupRules().SecurityGroupRules);
    });

    expect(left).toEqual(["10.1.0.0/16", undefined, "10.2.0.0/24", undefined]);
  });

  it.each<[string, RevokeSecurityGroupIngressCommandInput, string]>([
    [
      "an unmatched permission in a non-default VPC",
      { GroupId: WEB, IpPermissions: [tcp(443, "10.0.0.0/16"), tcp(443, "10.99.0.0/16")] },
      "InvalidPermission.NotFound",
    ],
    [
      "an unknown rule id",
      { GroupId: WEB, SecurityGroupRuleIds: ["sgr-0aa00000000000001", "sgr-0ffffffffffffffff"] },
      "InvalidSecurityGroupRuleId.NotFound",
    ],
    [
      "a rule id of another group",
      { GroupId: "sg-0a0000000000000a2", SecurityGroupRuleIds: ["sgr-0aa00000000000001"] },
      "InvalidSecurityGroupRuleId.NotFound",
    ],
    [
      "ids and permissions together",
      {
        GroupId: WEB,
        SecurityGroupRuleIds: ["sgr-0aa00000000000001"],
        IpPermissions: [tcp(22, "10.2.0.0/24")],
      },
      "InvalidParameterCombination",
    ],
    [
      "an unknown group",
      { GroupId: "sg-0fffffffffffffff0", SecurityGroupRuleIds: ["sgr-1"] },
      "InvalidGroup.NotFound",
    ],
  ])("should refuse %s and revoke nothing", async (_, input, code) => {
    const { error, before, after } = await withEmulator(fixture, async ({ endpoint, state }) => {
      const before = state.exportSecurityGroupRules();
      const error = await rejectionOf(
        ec2Client(endpoint).send(new RevokeSecurityGroupIngressCommand(input)),
      );
      return { error, before, after: state.exportSecurityGroupRules() };
    });

    expect(error.name).toBe(code);
    expect(after).toEqual(before);
  });

  it("should return unmatched permissions in a default VPC and revoke the rest", async () => {
    const options = { ...fixture, defaultVpcIds: ["vpc-0ddd"] };
    const { out, left } = await withEmulator(options, async ({ endpoint, state }) => {
      const out = await ec2Client(endpoint).send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: DEFAULT_VPC_GROUP,
          IpPermissions: [tcp(80, "172.16.0.0/12"), tcp(80, "192.168.0.0/16")],
        }),
      );
      const rules = state.exportSecurityGroupRules().SecurityGroupRules;
      return { out, left: rules.filter((rule) => rule.GroupId === DEFAULT_VPC_GROUP) };
    });

    expect(out.UnknownIpPermissions).toEqual([
      {
        IpProtocol: "tcp",
        FromPort: 80,
        ToPort: 80,
        IpRanges: [{ CidrIp: "192.168.0.0/16" }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ]);
    expect(left).toEqual([]);
  });

  it("should revoke egress rules with RevokeSecurityGroupEgress", async () => {
    const egress = await withEmulator(fixture, async ({ endpoint, state }) => {
      await ec2Client(endpoint).send(
        new RevokeSecurityGroupEgressCommand({
          GroupId: WEB,
          IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        }),
      );
      return state.exportSecurityGroups().SecurityGroups[0]?.IpPermissionsEgress;
    });

    expect(egress).toEqual([]);
  });

  test.prop(
    [
      fc
        .integer({ min: 1, max: 15 })
        .chain((n) => fc.tuple(fc.constant(n), fc.subarray([...Array(n).keys()]))),
    ],
    {
      numRuns: 15,
    },
  )("should leave exactly the rules it was not asked to revoke", async ([count, chosen]) => {
    const group = groupIdOf(1);
    const cidrs = private24s(count);
    const estate = estateOf([{ groupId: group, cidrs }]);

    const left = await withEmulator({ estate }, async ({ endpoint, state }) => {
      const ids = state
        .exportSecurityGroupRules()
        .SecurityGroupRules.map((r) => r.SecurityGroupRuleId);
      const SecurityGroupRuleIds = chosen.map((index) => ids[index] ?? "");
      if (SecurityGroupRuleIds.length > 0) {
        await ec2Client(endpoint).send(
          new RevokeSecurityGroupIngressCommand({ GroupId: group, SecurityGroupRuleIds }),
        );
      }
      return state.exportSecurityGroupRules().SecurityGroupRules.map((rule) => rule.CidrIpv4);
    });

    expect(left).toEqual(cidrs.filter((_, index) => !chosen.includes(index)));
  });
});
