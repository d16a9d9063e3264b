import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf, statusOf } from "../../support/sdk-clients.js";
import { estateOf, groupIdOf, private24s } from "../../support/estate-builder.js";
import { withEmulator } from "../../support/with-emulator.js";

const WEB = "sg-0a0000000000000a1";
const fixture = { estateDir: FIXTURE_ESTATE };

const tcp443 = (...cidrs: string[]): IpPermission => ({
  IpProtocol: "tcp",
  FromPort: 443,
  ToPort: 443,
  IpRanges: cidrs.map((CidrIp) => ({ CidrIp })),
});

describe("AuthorizeSecurityGroupIngress", () => {
  it("should add one rule per source, each under a new sgr- id, visible in the state", async () => {
    const { out, rules } = await withEmulator(fixture, async ({ endpoint, state }) => {
      const out = await ec2Client(endpoint).send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: WEB,
          IpPermissions: [
            {
              ...tcp443("10.0.1.0/24", "10.0.2.0/24"),
              PrefixListIds: [{ PrefixListId: "pl-0aaa", Description: "vendors" }],
            },
          ],
        }),
      );
      return { out, rules: state.exportSecurityGroupRules().SecurityGroupRules };
    });

    expect(out.Return).toBe(true);
    const added = out.SecurityGroupRules ?? [];
    expect(added.map((rule) => rule.CidrIpv4 ?? rule.PrefixListId)).toEqual([
      "10.0.1.0/24",
      "10.0.2.0/24",
      "pl-0aaa",
    ]);
    expect(new Set(added.map((rule) => rule.SecurityGroupRuleId)).size).toBe(3);
    const stored = rules.filter((rule) =>
      added.some((a) => a.SecurityGroupRuleId === rule.SecurityGroupRuleId),
    );
    expect(stored).toHaveLength(3);
  });

  it("should store descriptions and tag the new rules from the tag specification", async () => {
    const [rule] = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: WEB,
          IpPermissions: [
            { ...tcp443(), IpRanges: [{ CidrIp: "10.3.0.0/24", Description: "sg-tightener" }] },
          ],
          TagSpecifications: [
            { ResourceType: "security-group-rule", Tags: [{ Key: "managed-by", Value: "sgt" }] },
          ],
        }),
      );
      return out.SecurityGroupRules ?? [];
    });

    expect(rule).toMatchObject({
      Description: "sg-tightener",
      Tags: [{ Key: "managed-by", Value: "sgt" }],
      GroupId: WEB,
      IsEgress: false,
    });
  });

  it("should clear host bits as EC2 does", async () => {
    const [rule] = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: WEB,
          IpPermissions: [tcp443("100.68.0.18/18")],
        }),
      );
      return out.SecurityGroupRules ?? [];
    });

    expect(rule?.CidrIpv4).toBe("100.68.0.0/18");
  });

  it.each<[string, IpPermission[], string]>([
    ["an existing rule", [tcp443("10.0.0.0/16")], "InvalidPermission.Duplicate"],
    [
      "an existing rule written with host bits",
      [tcp443("10.0.9.9/16")],
      "InvalidPermission.Duplicate",
    ],
    [
      "a permission repeated within the call",
      [tcp443("10.7.0.0/24"), tcp443("10.7.0.0/24")],
      "InvalidParameterValue",
    ],
    ["a malformed CIDR", [tcp443("10.0.0.300/24")], "InvalidParameterValue"],
    [
      "an unknown protocol",
      [{ ...tcp443("10.8.0.0/24"), IpProtocol: "sctp" }],
      "InvalidParameterValue",
    ],
    [
      "tcp without ports",
      [{ IpProtocol: "tcp", IpRanges: [{ CidrIp: "10.8.0.0/24" }] }],
      "MissingParameter",
    ],
    [
      "a reference to an unknown group",
      [{ IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-0fffffffffffffff0" }] }],
      "InvalidGroup.NotFound",
    ],
  ])("should refuse %s and change nothing", async (_, permissions, code) => {
    const { error, before, after } = await withEmulator(fixture, async ({ endpoint, state }) => {
      const before = state.exportSecurityGroupRules();
      const error = await rejectionOf(
        ec2Client(endpoint).send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: WEB,
            IpPermissions: [tcp443("10.6.0.0/24"), ...permissions],
          }),
        ),
      );
      return { error, before, after: state.exportSecurityGroupRules() };
    });

    expect(error.name).toBe(code);
    expect(after).toEqual(before);
  });

  it("should refuse an unknown target group with InvalidGroup.NotFound", async () => {
    const error = await withEmulator(fixture, ({ endpoint }) =>
      rejectionOf(
        ec2Client(endpoint).send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: "sg-0fffffffffffffff0",
            IpPermissions: [tcp443("10.6.0.0/24")],
          }),
        ),
      ),
    );

    expect(error.name).toBe("InvalidGroup.NotFound");
  });

  it("should answer a permitted dry run with DryRunOperation (412), changing nothing", async () => {
    const { error, before, after } = await withEmulator(fixture, async ({ endpoint, state }) => {
      const before = state.exportEstate();
      const error = await rejectionOf(
        ec2Client(endpoint).send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: WEB,
            DryRun: true,
            IpPermissions: [tcp443("10.6.0.0/24")],
          }),
        ),
      );
      return { error, before, after: state.exportEstate() };
    });

    expect([error.name, statusOf(error)]).toEqual(["DryRunOperation", 412]);
    expect(after).toEqual(before);
  });

  it.each([true, false])(
    "should answer a denied action with UnauthorizedOperation (403), dry run %s",
    async (dryRun) => {
      const options = { ...fixture, deniedActions: ["AuthorizeSecurityGroupIngress"] };
      const error = await withEmulator(options, ({ endpoint }) =>
        rejectionOf(
          ec2Client(endpoint).send(
            new AuthorizeSecurityGroupIngressCommand({
              GroupId: WEB,
              DryRun: dryRun,
              IpPermissions: [tcp443("10.6.0.0/24")],
            }),
          ),
        ),
      );

      expect([error.name, statusOf(error)]).toEqual(["UnauthorizedOperation", 403]);
    },
  );

  it("should add egress rules with AuthorizeSecurityGroupEgress", async () => {
    const rules = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new AuthorizeSecurityGroupEgressCommand({
          GroupId: WEB,
          IpPermissions: [tcp443("10.4.0.0/24")],
        }),
      );
      return out.SecurityGroupRules ?? [];
    });

    expect(rules.map((rule) => rule.IsEgress)).toEqual([true]);
  });
});

describe("AuthorizeSecurityGroupIngress against the rules quota", () => {
  const group = groupIdOf(1);

  it.each([
    [60, "fits"],
    [61, "fails"],
  ])(
    "should count %i CIDRs in one permission against a quota of 60: %s",
    async (count, verdict) => {
      const outcome = await withEmulator(
        { estate: estateOf([{ groupId: group }]) },
        ({ endpoint }) =>
          ec2Client(endpoint)
            .send(
              new AuthorizeSecurityGroupIngressCommand({
                GroupId: group,
                IpPermissions: [tcp443(...private24s(count))],
              }),
            )
            .then(
              () => "fits",
              (error: Error) =>
                error.name === "RulesPerSecurityGroupLimitExceeded" ? "fails" : error.name,
            ),
      );

      expect(outcome).toBe(verdict);
    },
  );

  const v6 = (count: number): IpPermission => ({
    ...tcp443(),
    Ipv6Ranges: Array.from({ length: count }, (_, i) => ({ CidrIpv6: `2001:db8:${i}::/48` })),
  });
  const reference: IpPermission = {
    IpProtocol: "-1",
    UserIdGroupPairs: [{ GroupId: groupIdOf(2) }],
  };
  const list: IpPermission = { ...tcp443(), PrefixListIds: [{ PrefixListId: "pl-0list" }] };

  it.each<[string, IpPermission[], number, string]>([
    ["one more CIDR reaches the quota", [tcp443("10.9.9.0/24")], 1, "fits"],
    ["a CIDR and a group reference pass it", [tcp443("10.9.9.0/24"), reference], 1, "fails"],
    ["a prefix list of cost 1 reaches it", [list], 1, "fits"],
    ["a prefix list of cost 2 passes it", [list], 2, "fails"],
    ["five IPv6 ranges fill only their own bucket", [v6(5)], 1, "fits"],
    ["a group reference fills the IPv6 bucket too", [v6(5), reference], 1, "fails"],
  ])(
    "should see that %s (4 IPv4 rules present, quota 5)",
    async (_, permissions, cost, verdict) => {
      const estate = estateOf([
        { groupId: group, cidrs: private24s(4) },
        { groupId: groupIdOf(2) },
      ]);
      const options = {
        estate,
        prefixListCosts: { "pl-0list": cost },
        quotaByGroup: { [group]: 5 },
      };

      const outcome = await withEmulator(options, ({ endpoint }) =>
        ec2Client(endpoint)
          .send(
            new AuthorizeSecurityGroupIngressCommand({
              GroupId: group,
              IpPermissions: permissions,
            }),
          )
          .then(
            () => "fits",
            (error: Error) =>
              error.name === "RulesPerSecurityGroupLimitExceeded" ? "fails" : error.name,
          ),
      );

      expect(outcome).toBe(verdict);
    },
  );

  const counts: [fc.Arbitrary<number>, fc.Arbitrary<number>, fc.Arbitrary<number>] = [
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 12 }),
  ];

  test.prop(counts, { numRuns: 20 })(
    "should authorise all of a batch or none of it, by whether it fits the quota",
    async (present, batch, quota) => {
      const estate = estateOf([{ groupId: group, cidrs: private24s(present) }]);
      const options = { estate, quotaByGroup: { [group]: quota } };

      const after = await withEmulator(options, async ({ endpoint, state }) => {
        const command = new AuthorizeSecurityGroupIngressCommand({
          GroupId: group,
          IpPermissions: [tcp443(...private24s(batch, 100))],
        });
        await ec2Client(endpoint)
          .send(command)
          .catch(() => undefined);
        return state.exportSecurityGroupRules().SecurityGroupRules.length;
      });

      expect(after).toBe(present + batch <= quota ? present + batch : present);
    },
  );
});
