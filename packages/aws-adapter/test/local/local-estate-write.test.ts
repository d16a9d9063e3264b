import { afterAll, describe, expect, it } from "vitest";
import { describeRule, TCP, type Rule } from "@sg/core";
import { LocalEstate } from "@sg/aws-adapter";
import {
  readEstateJson,
  realisticEstate,
  removeTemporaryFolders,
  snapshotFolder,
  type Json,
} from "./fixtures/estate-builder.js";
import { inboundOf, setUp, tcpRule } from "./fixtures/estate-under-test.js";

afterAll(removeTemporaryFolders);

const GROUPS = "security-groups.json";
const RULES = "security-group-rules.json";

describe("LocalEstate.authorise", () => {
  it("should give each new rule a fresh id of 17 hex digits, recorded in both files", async () => {
    // Arrange
    const { folder, estate } = await setUp();

    // Act
    const added = await estate.authorise("sg-0web", [
      tcpRule("sg-0web", 443, "10.0.10.0/27", "observed"),
      tcpRule("sg-0web", 8443, "10.0.20.10/31"),
    ]);

    // Assert
    const ids = added.map((rule) => rule.ruleId ?? "");
    expect(ids).toEqual([
      expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
      expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
    ]);
    const rules = (await readEstateJson(folder, RULES))["SecurityGroupRules"] as Json[];
    expect(rules.filter((rule) => ids.includes(rule["SecurityGroupRuleId"] as string))).toEqual([
      expect.objectContaining({
        GroupId: "sg-0web",
        IsEgress: false,
        CidrIpv4: "10.0.10.0/27",
        Description: "observed",
        FromPort: 443,
      }),
      expect.objectContaining({
        GroupId: "sg-0web",
        IsEgress: false,
        CidrIpv4: "10.0.20.10/31",
        FromPort: 8443,
      }),
    ]);
  });

  it("should add a rule to the permission with its protocol and ports, or start one", async () => {
    const { folder, estate } = await setUp();

    await estate.authorise("sg-0web", [
      tcpRule("sg-0web", 443, "10.0.10.0/27"),
      tcpRule("sg-0web", 8443, "10.0.20.10/31"),
    ]);

    const permissions = inboundOf(await readEstateJson(folder, GROUPS), "sg-0web");
    expect(permissions[0]?.["IpRanges"]).toEqual([
      { CidrIp: "10.0.0.0/16", Description: "datacenter" },
      { CidrIp: "192.168.10.0/24" },
      { CidrIp: "10.0.10.0/27" },
    ]);
    expect(permissions.at(-1)).toEqual({
      IpProtocol: "tcp",
      FromPort: 8443,
      ToPort: 8443,
      IpRanges: [{ CidrIp: "10.0.20.10/31" }],
      Ipv6Ranges: [],
      PrefixListIds: [],
      UserIdGroupPairs: [],
    });
  });

  it("should return the rules as a fresh read of the estate shows them", async () => {
    const { estate } = await setUp();

    const admins: Rule = {
      groupId: "sg-0web",
      protocol: TCP,
      ports: { from: 23, to: 23 },
      source: { kind: "prefix-list", prefixListId: "pl-0admins" },
    };

    const added = await estate.authorise("sg-0web", [admins]);

    const reread = (await estate.read()).groups[0]?.rules.at(-1);
    expect(added).toEqual([reread]);
    expect(reread?.source).toEqual({
      kind: "prefix-list",
      prefixListId: "pl-0admins",
      maxEntries: 10,
    });
  });

  it("should apply concurrent calls one after the other", async () => {
    const { folder, estate } = await setUp();

    await Promise.all([
      estate.authorise("sg-0app", [tcpRule("sg-0app", 80, "10.1.1.0/24")]),
      estate.authorise("sg-0app", [tcpRule("sg-0app", 81, "10.1.2.0/24")]),
    ]);

    const reopened = await LocalEstate.open(folder);
    const rules = (await reopened.read()).groups[1]?.rules ?? [];
    expect(rules.map((rule) => describeRule({ ...rule, ruleId: undefined }))).toEqual([
      "udp/53 from 10.1.0.0/16",
      "tcp/80 from 10.1.1.0/24",
      "tcp/81 from 10.1.2.0/24",
    ]);
  });
});

describe("LocalEstate.revoke", () => {
  it("should remove a rule by id from both files and drop the permission it empties", async () => {
    const { folder, estate } = await setUp();
    const everything = (await estate.read()).groups[0]?.rules[6] as Rule;

    await estate.revoke("sg-0web", [everything]);

    const groups = await readEstateJson(folder, GROUPS);
    expect(inboundOf(groups, "sg-0web").map((p) => p["IpProtocol"])).toEqual([
      "tcp",
      "tcp",
      "tcp",
      "icmp",
    ]);
    const ids = ((await readEstateJson(folder, RULES))["SecurityGroupRules"] as Json[]).map(
      (r) => r["SecurityGroupRuleId"],
    );
    expect(ids).not.toContain(everything.ruleId);
    expect(ids).toHaveLength(9);
  });

  it("should find a rule without an id by what it admits, as EC2 does", async () => {
    const { estate } = await setUp();

    await estate.revoke("sg-0web", [tcpRule("sg-0web", 443, "10.0.0.0/16")]);

    const remaining = (await estate.read()).groups[0]?.rules.map((rule) =>
      describeRule({ ...rule, ruleId: undefined }),
    );
    expect(remaining).not.toContain("tcp/443 from 10.0.0.0/16");
    expect(remaining).toHaveLength(6);
  });
});

describe("LocalEstate revert", () => {
  it("should give a revoked rule that is authorised again a new id, as EC2 does", async () => {
    const { estate } = await setUp();
    const broad = (await estate.read()).groups[0]?.rules[0] as Rule;

    await estate.revoke("sg-0web", [broad]);
    const [restored] = await estate.authorise("sg-0web", [broad]);

    expect(restored).toEqual({ ...broad, ruleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/) });
    expect(restored?.ruleId).not.toBe(broad.ruleId);
  });
});

describe("LocalEstate without a rules file", () => {
  it("should add and remove rules by value and never create a rules file", async () => {
    const { folder, estate } = await setUp(realisticEstate({ withRulesFile: false }));
    const before = await snapshotFolder(folder);

    const [added] = await estate.authorise("sg-0app", [tcpRule("sg-0app", 443, "10.1.5.0/24")]);
    await estate.revoke("sg-0app", [added as Rule]);

    expect(added?.ruleId).toBeUndefined();
    expect(await snapshotFolder(folder)).toEqual(before);
  });
});
