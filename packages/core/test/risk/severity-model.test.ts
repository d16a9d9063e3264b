import { describe, expect, it } from "vitest";
import { ALL_PROTOCOLS, ICMP, TCP, UDP, assessGroups, assessRule, type Rule } from "@sg/core";
import { ruleFrom } from "./arbitraries.js";

const GROUP = { groupId: "sg-1", groupName: "web", vpcId: "vpc-1" };
const port = (n: number) => ({ from: n, to: n });
const range = (from: number, to: number) => ({ from, to });

describe("the severity model", () => {
  it.each([
    ["0.0.0.0/0", TCP, port(22), "CRITICAL", "ssh on the internet"],
    ["0.0.0.0/0", TCP, port(3389), "CRITICAL", "rdp on the internet"],
    ["::/0", TCP, port(5432), "CRITICAL", "postgresql on the IPv6 internet"],
    ["0.0.0.0/0", ALL_PROTOCOLS, undefined, "CRITICAL", "every protocol on the internet"],
    ["0.0.0.0/0", TCP, range(0, 65535), "CRITICAL", "every TCP port on the internet"],
    ["0.0.0.0/0", TCP, range(1000, 2000), "CRITICAL", "a range holding mssql and oracle"],
    ["0.0.0.0/0", UDP, port(11211), "CRITICAL", "memcached over UDP"],
    ["0.0.0.0/0", TCP, port(80), "HIGH", "http on the internet"],
    ["0.0.0.0/0", TCP, port(443), "HIGH", "https on the internet"],
    ["0.0.0.0/0", UDP, port(3306), "HIGH", "a TCP-only database port over UDP"],
    ["0.0.0.0/0", 47, undefined, "HIGH", "GRE on the internet"],
    ["0.0.0.0/0", ICMP, range(-1, -1), "LOW", "ping on the internet"],
    ["0.0.0.0/1", TCP, port(22), "HIGH", "half the internet on ssh"],
    ["100.64.0.0/10", TCP, port(443), "MEDIUM", "a broad public block on https"],
    ["10.0.0.0/8", ALL_PROTOCOLS, undefined, "HIGH", "10/8 on every port"],
    ["172.16.0.0/12", TCP, range(0, 65535), "HIGH", "172.16/12 on every TCP port"],
    ["192.168.0.0/16", UDP, range(0, 65535), "HIGH", "192.168/16 on every UDP port"],
    ["10.0.0.0/8", TCP, port(443), "MEDIUM", "10/8 on one port"],
    ["10.0.0.0/16", TCP, port(443), "MEDIUM", "a /16 trusts 65,536 addresses"],
    ["10.20.0.0/20", TCP, port(22), "MEDIUM", "a /20 on ssh"],
    ["10.20.0.0/20", TCP, port(443), "LOW", "a /20 on https"],
    ["10.20.0.0/22", TCP, port(443), "LOW", "a /22 on https"],
    ["10.0.0.0/16", ICMP, range(8, 0), "LOW", "ICMP from a private /16"],
  ] as const)("should rate %s %s %o as %s (%s)", (source, protocol, ports, expected, _why) => {
    const rule = ruleFrom(source, protocol, ports);

    const finding = assessRule(GROUP, rule);

    expect(finding?.severity).toBe(expected);
  });

  it.each([
    ["10.20.0.0/24", "a private /24 is already tight"],
    ["10.20.30.40/32", "a host route"],
    ["203.0.113.0/24", "a narrow public block"],
    ["52.94.0.0/16", "a public /16"],
    ["2001:db8:1234::/48", "an IPv6 /48"],
  ])("should not report %s (%s)", (source) => {
    const rule = ruleFrom(source, TCP, port(22));

    expect(assessRule(GROUP, rule)).toBeUndefined();
  });

  it.each<[string, Rule]>([
    [
      "a group reference",
      { groupId: "sg-1", protocol: -1, source: { kind: "group", groupId: "sg-2" } },
    ],
    [
      "a prefix list",
      {
        groupId: "sg-1",
        protocol: TCP,
        ports: port(22),
        source: { kind: "prefix-list", prefixListId: "pl-1" },
      },
    ],
  ])("should not report %s", (_name, rule) => {
    expect(assessRule(GROUP, rule)).toBeUndefined();
  });

  it("should describe a finding with its group, rule, ports, source and addresses", () => {
    const rule = { ...ruleFrom("0.0.0.0/0", TCP, range(20, 23)), ruleId: "sgr-1" };

    const finding = assessRule(GROUP, rule, {}, { accountId: "111111111111", region: "eu-west-1" });

    expect(finding).toMatchObject({
      accountId: "111111111111",
      region: "eu-west-1",
      groupId: "sg-1",
      groupName: "web",
      vpcId: "vpc-1",
      traffic: "tcp/20-23",
      source: "0.0.0.0/0",
      addressesTrusted: 2 ** 32,
      adminPorts: ["21/ftp", "22/ssh", "23/telnet"],
      everyPort: false,
      tightenable: false,
      reason: "the internet on admin port 21/ftp, 22/ssh, 23/telnet",
    });
  });

  it.each([
    ["10.0.0.0/16", TCP, true],
    ["10.0.0.0/8", ALL_PROTOCOLS, true],
    ["0.0.0.0/0", TCP, false],
    ["100.64.0.0/10", TCP, false],
  ] as const)("should say whether plan can tighten %s (%s)", (source, protocol, expected) => {
    const finding = assessRule(GROUP, ruleFrom(source, protocol, port(443)));

    expect(finding?.tightenable).toBe(expected);
  });

  it("should honour plan's eligibility threshold for broad private rules", () => {
    const rule = ruleFrom("10.20.0.0/22", TCP, port(443));

    expect(assessRule(GROUP, rule, { threshold: 20 })).toBeUndefined();
  });

  it("should list a group's findings worst first, then by addresses trusted", () => {
    const group = {
      ...GROUP,
      rules: [
        ruleFrom("10.20.0.0/22", TCP, port(443)),
        ruleFrom("0.0.0.0/0", TCP, port(80)),
        ruleFrom("10.0.0.0/16", TCP, port(443)),
        ruleFrom("0.0.0.0/0", TCP, port(22)),
        ruleFrom("10.16.0.0/12", TCP, port(443)),
      ],
    };

    const listed = assessGroups([group]).map((finding) => `${finding.severity} ${finding.source}`);

    expect(listed).toEqual([
      "CRITICAL 0.0.0.0/0",
      "HIGH 0.0.0.0/0",
      "MEDIUM 10.16.0.0/12",
      "MEDIUM 10.0.0.0/16",
      "LOW 10.20.0.0/22",
    ]);
  });
});
