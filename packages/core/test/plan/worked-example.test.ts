import { describe, expect, it } from "vitest";
import {
  buildPlan,
  formatIpv4Cidr,
  parseIpv4,
  parseIpv4Cidr,
  type EvidenceEntry,
  type Inventory,
  type Ipv4Cidr,
} from "@sg/core";
import { ALL_TIME, evidenceFor, tcpRule } from "../support/arbitraries.js";

const cidr = (text: string): Ipv4Cidr => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};
const ip = (text: string): number => {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

/** `count` addresses of `block`, skipping every `gapEvery`-th one. */
const denseRun = (block: string, count: number, gapEvery: number): number[] => {
  const base = cidr(block).base;
  const picked: number[] = [];
  for (let offset = 0; picked.length < count; offset += 1) {
    if ((offset + 1) % gapEvery !== 0) picked.push(base + offset);
  }
  return picked;
};

/** The overview's three-year-old account: three /16 rules, 90 days of evidence. */
const workedExample = (): { inventory: Inventory; evidence: EvidenceEntry[] } => {
  const groups = [
    { groupId: "sg-web", rule: "10.0.0.0/16", port: 443, eni: "eni-web", at: "10.20.0.10" },
    { groupId: "sg-db", rule: "10.4.0.0/16", port: 5432, eni: "eni-db", at: "10.20.1.10" },
    { groupId: "sg-api", rule: "10.8.0.0/16", port: 8443, eni: "eni-api", at: "10.20.2.10" },
  ];
  const sources: Record<string, number[]> = {
    "sg-web": [...denseRun("10.0.10.0/27", 26, 5), ip("10.0.20.10"), ip("10.0.20.11")],
    "sg-db": denseRun("10.4.8.0/29", 6, 4),
    "sg-api": [...denseRun("10.8.2.0/28", 12, 4), ...denseRun("10.8.16.0/28", 13, 5)],
  };

  const inventory: Inventory = {
    groups: groups.map(({ groupId, rule, port }) => ({
      groupId,
      rules: [tcpRule(groupId, cidr(rule), port, `sgr-${groupId}`)],
    })),
    interfaces: groups.map(({ groupId, eni, at }) => ({
      interfaceId: eni,
      addresses: [ip(at)],
      groupIds: [groupId],
    })),
    defaultQuota: 60,
  };
  const evidence = groups.flatMap(({ groupId, eni, at, port }) =>
    evidenceFor(eni, ip(at), port, sources[groupId]!),
  );
  return { inventory, evidence };
};

describe("the overview's worked example", () => {
  it("should replace the three /16 rules with 74 trusted addresses", () => {
    const { inventory, evidence } = workedExample();

    const plan = buildPlan(inventory, evidence, { window: ALL_TIME });

    const after = Object.fromEntries(
      plan.groups.map((group) => [
        group.groupId,
        group.authorise.map(
          (r) => r.source.kind === "cidr" && formatIpv4Cidr(r.source.cidr as Ipv4Cidr),
        ),
      ]),
    );
    expect(after).toEqual({
      "sg-api": ["10.8.2.0/28", "10.8.16.0/28"],
      "sg-db": ["10.4.8.0/29"],
      "sg-web": ["10.0.10.0/27", "10.0.20.10/31"],
    });
    expect(plan.totals.trustedBefore).toBe(196_608);
    expect(plan.totals.trustedAfter).toBe(74);
    expect((plan.totals.reduction * 100).toFixed(2)).toBe("99.96");
  });
});
