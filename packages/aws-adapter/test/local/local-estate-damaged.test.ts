import { afterAll, describe, expect, it } from "vitest";
import { LocalEstate, LocalFileError } from "@sg/aws-adapter";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import {
  fixtureRuleId,
  realisticEstate,
  removeTemporaryFolders,
  temporaryFolder,
  writeEstate,
  type Json,
} from "./fixtures/estate-builder.js";
import { firstPermission, openingFailure, withGroupsEdit } from "./fixtures/estate-under-test.js";

afterAll(removeTemporaryFolders);

const IN_PERMISSION = "security-groups.json: SecurityGroups[0].IpPermissions[0]";

describe("LocalEstate.open on a damaged export", () => {
  it.each([
    [
      (groups: Json[]) => (firstPermission(groups, 1)["FromPort"] = "443"),
      "security-groups.json: SecurityGroups[1].IpPermissions[0].FromPort: " +
        'expected number, got "443"',
    ],
    [
      (groups: Json[]) => delete (groups[0] as Json)["GroupId"],
      "security-groups.json: SecurityGroups[0].GroupId: expected string, got nothing",
    ],
    [
      (groups: Json[]) => (firstPermission(groups)["IpRanges"] = [{ CidrIp: "10.0.0.300/8" }]),
      `${IN_PERMISSION}.IpRanges[0].CidrIp: expected IPv4 CIDR, got "10.0.0.300/8" ` +
        "(has octet 4 300, above 255)",
    ],
    [
      (groups: Json[]) => (firstPermission(groups)["IpProtocol"] = "tcpp"),
      `${IN_PERMISSION}.IpProtocol: expected IP protocol, got "tcpp" ` +
        '(protocol "tcpp" is not tcp, udp, icmp, icmpv6, -1 or a number 0-255)',
    ],
    [
      (groups: Json[]) => ((groups[1] as Json)["IpPermissions"] = "none"),
      "security-groups.json: SecurityGroups[1].IpPermissions: " +
        'expected array of IpPermission, got "none"',
    ],
  ])("should report the path of a bad value (%#)", async (edit, expected) => {
    const error = await openingFailure(withGroupsEdit(edit));

    expect(error.problem).toBe("invalid-content");
    expect(error.message).toBe(expected);
  });

  it("should report a bad address in the interfaces file by its path", async () => {
    const fixture = realisticEstate();
    const interfaces = (fixture["network-interfaces.json"] as Json)["NetworkInterfaces"] as Json[];
    (interfaces[1] as Json)["PrivateIpAddress"] = "10.20.1";

    const error = await openingFailure(fixture);

    expect(error.message).toBe(
      "network-interfaces.json: NetworkInterfaces[1].PrivateIpAddress: " +
        'expected IPv4 address, got "10.20.1" (has 3 dot-separated parts, expected 4)',
    );
  });

  it.each(["security-groups.json", "network-interfaces.json"])(
    "should name a missing %s and the command that exports it",
    async (name) => {
      const folder = await temporaryFolder();
      await writeEstate(folder, realisticEstate());
      await rm(join(folder, name));
      const command = `aws ec2 describe-${name.replace(".json", "")} --output json > ${name}`;

      const error: unknown = await LocalEstate.open(folder).catch((thrown: unknown) => thrown);

      expect(error).toBeInstanceOf(LocalFileError);
      expect((error as Error).message).toMatch(new RegExp(`^${name} is missing from ${folder}: `));
      expect((error as Error).message).toContain(`Export it with: ${command}`);
    },
  );

  it("should name a folder that does not exist", async () => {
    const folder = join(await temporaryFolder(), "absent");

    await expect(LocalEstate.open(folder)).rejects.toThrow(
      `estate folder ${folder} does not exist`,
    );
  });

  it("should name a rule of the rules file that the groups file lacks", async () => {
    const fixture = realisticEstate();
    const groups = (fixture["security-groups.json"] as Json)["SecurityGroups"] as Json[];
    (firstPermission(groups, 1)["IpRanges"] as Json[]).pop();

    const error = await openingFailure(fixture);

    expect(error.problem).toBe("inconsistent");
    expect(error.message).toContain(
      `security-group-rules.json: sg-0app ${fixtureRuleId(9)} udp/53 from 10.1.0.0/16 ` +
        "is not in security-groups.json",
    );
    expect(error.message).toContain("exported at different times");
  });

  it("should name a rule of the groups file that the rules file lacks", async () => {
    const fixture = realisticEstate();
    const groups = (fixture["security-groups.json"] as Json)["SecurityGroups"] as Json[];
    (firstPermission(groups, 1)["IpRanges"] as Json[]).push({ CidrIp: "10.9.0.0/16" });

    const error = await openingFailure(fixture);

    expect(error.message).toContain(
      "security-groups.json: sg-0app udp/53 from 10.9.0.0/16 is not in security-group-rules.json",
    );
  });

  it("should reject a rules-file entry with two sources", async () => {
    const fixture = realisticEstate();
    const rules = (fixture["security-group-rules.json"] as Json)["SecurityGroupRules"] as Json[];
    (rules[0] as Json)["PrefixListId"] = "pl-0extra";

    const error = await openingFailure(fixture);

    expect(error.message).toBe(
      "security-group-rules.json: SecurityGroupRules[0]: expected exactly one of CidrIpv4, " +
        "CidrIpv6, PrefixListId or ReferencedGroupInfo, got 2",
    );
  });

  it("should list the first ten problems of a badly damaged file and count the rest", async () => {
    const fixture = withGroupsEdit((groups) => {
      for (let index = 0; index < 14; index += 1) groups.push({ IpPermissions: [] });
    });

    const error = await openingFailure(fixture);

    expect(error.message.split("\n")).toHaveLength(11);
    expect(error.message).toMatch(/\n… and 4 more$/);
  });
});
