import { describe, expect, it } from "vitest";
import {
  TCP,
  UDP,
  compactGroup,
  compactedRule,
  formatIpv4Cidr,
  type PortRange,
  type Rule,
} from "@sg/core";
import { cidr } from "./arbitraries.js";

const HTTPS = { protocol: TCP, ports: { from: 443, to: 443 } };

const rule = (
  source: string,
  ruleId: string,
  traffic: { protocol: number; ports?: PortRange } = HTTPS,
  description?: string,
): Rule => ({
  groupId: "sg-0example",
  ruleId,
  ...traffic,
  source: { kind: "cidr", cidr: cidr(source) },
  ...(description === undefined ? {} : { description }),
});

const groupOf = (...sources: string[]) => ({
  groupId: "sg-0example",
  rules: sources.map((source, index) => rule(source, `sgr-${index + 1}`)),
});

const summary = (sources: readonly string[], ratio: number) =>
  compactGroup(groupOf(...sources), 60, ratio).merges.map(
    (merge) =>
      `${merge.kind} ${merge.replaced.map((r) => r.ruleId).join("+")} -> ` +
      `${formatIpv4Cidr(merge.into)} +${merge.addedAddresses}`,
  );

describe("compactGroup: worked examples", () => {
  it.each([
    {
      name: "four sibling /24s become their /22 at ratio 0",
      sources: ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
      ratio: 0,
      merges: ["widened sgr-1+sgr-2+sgr-3+sgr-4 -> 10.0.0.0/22 +0"],
    },
    {
      name: "two /24s in a /22 are half of it: allowed at 0.5",
      sources: ["10.0.0.0/24", "10.0.2.0/24"],
      ratio: 50,
      merges: ["widened sgr-1+sgr-2 -> 10.0.0.0/22 +512"],
    },
    {
      name: "two /24s in a /22 are half of it: refused at 0.49",
      sources: ["10.0.0.0/24", "10.0.2.0/24"],
      ratio: 49,
      merges: [],
    },
    {
      name: "a rule inside another rule of the same port is absorbed at no cost",
      sources: ["10.0.0.0/16", "10.0.5.0/24", "10.0.9.7/32"],
      ratio: 0,
      merges: ["absorbed sgr-2+sgr-3 -> 10.0.0.0/16 +0"],
    },
    {
      name: "the cheaper halves are widened when the whole is over the ratio",
      sources: ["10.0.0.0/25", "10.0.0.128/26", "10.0.3.0/25", "10.0.3.128/25"],
      ratio: 30,
      merges: ["widened sgr-1+sgr-2 -> 10.0.0.0/24 +64", "widened sgr-3+sgr-4 -> 10.0.3.0/24 +0"],
    },
    {
      name: "a private rule never joins its public neighbour",
      sources: ["10.255.255.0/24", "11.0.0.0/24"],
      ratio: 100,
      merges: [],
    },
    {
      name: "the top of 172.16.0.0/12 widens inside it",
      sources: ["172.31.254.0/24", "172.31.255.0/24"],
      ratio: 0,
      merges: ["widened sgr-1+sgr-2 -> 172.31.254.0/23 +0"],
    },
  ])("should compact: $name", ({ sources, ratio, merges }) => {
    expect(summary(sources, ratio)).toEqual(merges);
  });

  it("should never merge rules of different ports or protocols", () => {
    const group = {
      groupId: "sg-0example",
      rules: [
        rule("10.0.0.0/25", "sgr-1"),
        rule("10.0.0.128/25", "sgr-2", { protocol: TCP, ports: { from: 80, to: 80 } }),
        rule("10.0.1.0/25", "sgr-3", { protocol: UDP, ports: { from: 443, to: 443 } }),
      ],
    };

    expect(compactGroup(group, 60, 100).merges).toEqual([]);
  });
});

describe("compactGroup: the quota", () => {
  const narrow = (count: number) => Array.from({ length: count }, (_, i) => `10.1.${i}.0/24`);

  it.each([
    { used: 59, quota: 60, refused: false, peak: 60 },
    { used: 60, quota: 60, refused: true, peak: 61 },
    { used: 40, quota: 60, refused: false, peak: 41 },
  ])("should refuse a group using $used of $quota: $refused", ({ used, quota, refused, peak }) => {
    const compaction = compactGroup(groupOf(...narrow(used)), quota, 0);

    expect(compaction.refusal !== undefined).toBe(refused);
    expect(compaction.peakRules).toBe(peak);
  });

  it("should free a slot by absorbing redundant rules before widening at the quota", () => {
    const group = groupOf("10.9.0.0/16", "10.9.1.0/24", ...narrow(58));

    const compaction = compactGroup(group, 60, 0);

    expect(compaction.refusal).toBeUndefined();
    expect(compaction.merges[0]!.kind).toBe("absorbed");
    expect(compaction.peakRules).toBe(60);
  });

  it("should say in the refusal how many rules the group uses and what it needs", () => {
    const compaction = compactGroup(groupOf(...narrow(60)), 60, 0);

    expect(compaction.refusal).toContain("sg-0example uses 60 of its 60 inbound rules");
    expect(compaction.refusal).toContain("needs one free rule slot");
  });
});

describe("compactedRule", () => {
  it.each([
    {
      name: "lists the blocks it replaces",
      descriptions: [undefined, "app"],
      expected: "[sg-tightener compact of 2 rules: 10.0.0.0/25, 10.0.0.128/25]",
    },
    {
      name: "keeps a description every replaced rule shares",
      descriptions: ["Datacenter HTTPS", "Datacenter HTTPS"],
      expected: "Datacenter HTTPS [sg-tightener compact of 2 rules into 10.0.0.0/24]",
    },
  ])("should describe the new rule: $name", ({ descriptions, expected }) => {
    const replaced = [
      rule("10.0.0.0/25", "sgr-1", HTTPS, descriptions[0]),
      rule("10.0.0.128/25", "sgr-2", HTTPS, descriptions[1]),
    ];

    const made = compactedRule(replaced, cidr("10.0.0.0/24"));

    expect(made).toEqual({
      groupId: "sg-0example",
      ...HTTPS,
      source: { kind: "cidr", cidr: cidr("10.0.0.0/24") },
      description: expected,
    });
  });

  it("should fit EC2's 255 characters however many rules it replaces", () => {
    const replaced = Array.from({ length: 40 }, (_, i) => rule(`10.2.${i}.0/24`, `sgr-${i}`));

    const made = compactedRule(replaced, cidr("10.2.0.0/18"));

    expect(made.description!.length).toBeLessThanOrEqual(255);
    expect(made.description).toMatch(
      /^\[sg-tightener compact of 40 rules: 10\.2\.0\.0\/24, .* \+\d+ more\]$/,
    );
  });
});
