import { describe, expect, it } from "vitest";
import { TCP, UDP, labelNetworkAcl, type NetworkAclEntryView, type NetworkAclView } from "@sg/core";
import { cidr } from "./arbitraries.js";

const entry = (
  ruleNumber: number,
  source: string,
  protocol: number,
  ruleAction: "allow" | "deny" = "allow",
  portRange?: { from: number; to: number },
  egress = false,
): NetworkAclEntryView => {
  const block = cidr(source);
  return {
    ruleNumber,
    protocol,
    ruleAction,
    egress,
    ...(block.family === "ipv4" ? { cidrBlock: block } : { ipv6CidrBlock: block }),
    ...(portRange === undefined ? {} : { portRange }),
  };
};

const acl = (...entries: NetworkAclEntryView[]): NetworkAclView => ({
  networkAclId: "acl-1",
  vpcId: "vpc-1",
  isDefault: false,
  subnetIds: ["subnet-1"],
  entries,
});

const labelsOf = (network: NetworkAclView): string[] =>
  labelNetworkAcl(network).labels.map((label) => `${label.ruleNumber} ${label.label}`);

describe("network ACL labels", () => {
  it.each<[string, NetworkAclView, string[]]>([
    [
      "a default ACL allows all",
      acl(entry(100, "0.0.0.0/0", -1), entry(32767, "0.0.0.0/0", -1, "deny")),
      ["100 allow-all"],
    ],
    ["IPv6 allow-all too", acl(entry(101, "::/0", -1)), ["101 allow-all"]],
    [
      "ssh from the internet",
      acl(entry(100, "0.0.0.0/0", TCP, "allow", { from: 22, to: 22 })),
      ["100 internet-admin-ports"],
    ],
    [
      "https from the internet is fine",
      acl(entry(100, "0.0.0.0/0", TCP, "allow", { from: 443, to: 443 })),
      [],
    ],
    [
      "a broad private block",
      acl(entry(100, "10.0.0.0/16", TCP, "allow", { from: 443, to: 443 })),
      ["100 broad-private"],
    ],
    ["a whole RFC 1918 block", acl(entry(100, "172.16.0.0/12", -1)), ["100 broad-private"]],
    ["a tight private block", acl(entry(100, "10.0.1.0/24", -1)), []],
    [
      "outbound entries are not labelled",
      acl(entry(100, "0.0.0.0/0", -1, "allow", undefined, true)),
      [],
    ],
    ["a deny is not labelled", acl(entry(100, "0.0.0.0/0", -1, "deny")), []],
    [
      "an allow shadowed by an earlier deny",
      acl(
        entry(90, "0.0.0.0/0", TCP, "deny", { from: 0, to: 1024 }),
        entry(100, "0.0.0.0/0", TCP, "allow", { from: 22, to: 22 }),
      ),
      [],
    ],
    [
      "an allow only partly denied before it",
      acl(entry(90, "10.0.0.0/8", -1, "deny"), entry(100, "0.0.0.0/0", -1)),
      ["100 allow-all"],
    ],
    [
      "a deny after the allow changes nothing",
      acl(
        entry(100, "0.0.0.0/0", UDP, "allow", { from: 161, to: 161 }),
        entry(110, "0.0.0.0/0", -1, "deny"),
      ),
      ["100 internet-admin-ports"],
    ],
  ])("should label %s", (_case, network, expected) => {
    expect(labelsOf(network)).toEqual(expected);
  });

  it("should name the entry's traffic, source, addresses and admin ports", () => {
    const network = acl(entry(100, "0.0.0.0/0", TCP, "allow", { from: 3300, to: 3400 }));

    const [label] = labelNetworkAcl(network, 24, {
      accountId: "111111111111",
      region: "us-east-1",
    }).labels;

    expect(label).toEqual({
      label: "internet-admin-ports",
      ruleNumber: 100,
      traffic: "tcp/3300-3400",
      source: "0.0.0.0/0",
      addressesTrusted: 2 ** 32,
      adminPorts: ["3306/mysql", "3389/rdp"],
    });
  });
});
