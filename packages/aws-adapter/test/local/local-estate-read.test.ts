import { afterAll, describe, expect, it } from "vitest";
import { describeRule, formatIpv4, type Inventory } from "@sg/core";
import { LocalEstate } from "@sg/aws-adapter";
import {
  fixtureRuleId,
  group,
  permission,
  realisticEstate,
  removeTemporaryFolders,
  rulesFileFor,
} from "./fixtures/estate-builder.js";
import { cidr, firstPermission, setUp, withGroupsEdit } from "./fixtures/estate-under-test.js";

afterAll(removeTemporaryFolders);

const rulesOf = (inventory: Inventory, groupId: string): string[] => {
  const found = inventory.groups.find((candidate) => candidate.groupId === groupId);
  return found?.rules.map(describeRule) ?? [];
};

describe("LocalEstate.read", () => {
  it("should read one rule per source, with the ids of the rules file", async () => {
    // Arrange
    const { estate } = await setUp(realisticEstate());

    // Act
    const inventory = await estate.read();

    // Assert
    expect(rulesOf(inventory, "sg-0web")).toEqual([
      `${fixtureRuleId(1)} tcp/443 from 10.0.0.0/16`,
      `${fixtureRuleId(2)} tcp/443 from 192.168.10.0/24`,
      `${fixtureRuleId(3)} tcp/443 from 2001:db8::/32`,
      `${fixtureRuleId(4)} tcp/22 from pl-0admins`,
      `${fixtureRuleId(5)} tcp/5432 from 111122223333/sg-0app`,
      `${fixtureRuleId(6)} icmp/all from 10.0.0.0/8`,
      `${fixtureRuleId(7)} all from 172.16.0.0/12`,
    ]);
    expect(rulesOf(inventory, "sg-0app")).toEqual([`${fixtureRuleId(9)} udp/53 from 10.1.0.0/16`]);
  });

  it("should keep descriptions, prefix-list weights, group owners and absent ports", async () => {
    const { estate } = await setUp(realisticEstate());

    const [datacenter, , , admins, app, , everything] =
      (await estate.read()).groups[0]?.rules ?? [];

    expect(datacenter?.description).toBe("datacenter");
    expect(admins?.source).toEqual({
      kind: "prefix-list",
      prefixListId: "pl-0admins",
      maxEntries: 10,
    });
    expect(app?.source).toEqual({ kind: "group", groupId: "sg-0app", userId: "111122223333" });
    expect(everything?.ports).toBeUndefined();
  });

  it("should leave rule ids undefined when there is no rules file", async () => {
    const { estate } = await setUp(realisticEstate({ withRulesFile: false }));

    const ids = (await estate.read()).groups.flatMap((g) => g.rules.map((rule) => rule.ruleId));

    expect(new Set(ids)).toEqual(new Set([undefined]));
  });

  it("should read every private IPv4 address of an interface, primary first", async () => {
    const { estate } = await setUp(realisticEstate());

    const [web, app] = (await estate.read()).interfaces;

    expect(web?.addresses.map(formatIpv4)).toEqual(["10.20.0.10", "10.20.0.11"]);
    expect(app?.groupIds).toEqual(["sg-0app", "sg-0web"]);
  });

  it.each([
    [undefined, undefined, 60],
    [100, undefined, 100],
    [100, { "sg-0web": 200 }, 100],
  ])("should use quota %s with overrides %j", async (quota, quotaByGroup, expected) => {
    const { estate } = await setUp(realisticEstate(), { quota, quotaByGroup });

    const inventory = await estate.read();

    expect(inventory.defaultQuota).toBe(expected);
    expect(inventory.quotaByGroup).toEqual(quotaByGroup);
  });

  it.each([
    ["6", [443, 443], "tcp/443"],
    ["17", [53, 53], "udp/53"],
    ["-1", undefined, "all"],
    ["50", [0, 0], "50/all"],
    ["icmpv6", undefined, "icmpv6/all"],
  ] as const)("should read protocol %s with ports %j as %s", async (protocol, ports, expected) => {
    const only = permission(protocol, ports && [...ports], { cidrs: ["10.0.0.0/8"] });
    const fixture = withGroupsEdit((groups) =>
      groups.splice(0, groups.length, group("sg-1", [only])),
    );
    const { estate } = await setUp(fixture);

    const [rule] = (await estate.read()).groups[0]?.rules ?? [];

    expect(rule && describeRule(rule)).toBe(`${expected} from 10.0.0.0/8`);
    expect(rule?.ports === undefined).toBe(expected.endsWith("all"));
  });

  it("should clear host bits as EC2 does", async () => {
    const fixture = withGroupsEdit((groups) => {
      firstPermission(groups)["IpRanges"] = [{ CidrIp: "100.68.0.18/18" }];
    });
    const { estate } = await setUp(fixture);

    const [rule] = (await estate.read()).groups[0]?.rules ?? [];

    expect(rule?.source).toEqual({ kind: "cidr", cidr: cidr("100.68.0.0/18") });
  });

  it("should accept a rules file that writes all ICMPv6 types as ports -1", async () => {
    const groups = {
      SecurityGroups: [group("sg-1", [permission("icmpv6", undefined, { ipv6: ["::/0"] })])],
    };

    const opened = setUp({
      "security-groups.json": groups,
      "security-group-rules.json": rulesFileFor(groups),
      "network-interfaces.json": { NetworkInterfaces: [] },
    });

    await expect(opened).resolves.toMatchObject({ estate: expect.any(LocalEstate) });
  });

  it("should describe the folder and the files it read", async () => {
    const { folder, estate } = await setUp(realisticEstate({ withRulesFile: false }));

    expect(estate.describe()).toBe(
      `estate exported to ${folder} (security-groups.json, network-interfaces.json, ` +
        "managed-prefix-lists.json)",
    );
  });
});
