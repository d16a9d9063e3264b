import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  awsSourceClassifier,
  blockContains,
  diagnoseRejects,
  ipv4Cidr,
  ipv4QuotaCost,
  planExtension,
  rfc1918HomeOf,
  ruleKey,
  type Inventory,
  type IpRanges,
  type Rule,
} from "@sg/core";
import { PORTS, isPrivate, nacls, scenario } from "../diagnose/arbitraries.js";

const PUBLIC_SPACE = 0x36f30000;

const ipRanges: fc.Arbitrary<IpRanges> = fc
  .array(
    fc.record({
      block: fc
        .record({ offset: fc.nat({ max: 255 }), length: fc.integer({ min: 24, max: 30 }) })
        .map(({ offset, length }) => ipv4Cidr(PUBLIC_SPACE + offset, length)),
      region: fc.constantFrom("us-east-1", "GLOBAL"),
      service: fc.constantFrom("AMAZON", "AMAZON", "EC2", "ROUTE53_HEALTHCHECKS", "CLOUDFRONT"),
    }),
    { maxLength: 12 },
  )
  .map((prefixes) => ({ syncToken: "1", createDate: "x", prefixes, ipv6PrefixCount: 0 }));

const withRules = (inventory: Inventory, added: readonly Rule[]): Inventory => ({
  ...inventory,
  groups: inventory.groups.map((group) => ({
    ...group,
    rules: [...group.rules, ...added.filter((rule) => rule.groupId === group.groupId)],
  })),
});

const cidrOf = (rule: Rule) =>
  rule.source.kind === "cidr" && rule.source.cidr.family === "ipv4" ? rule.source.cidr : undefined;

const quota = fc.integer({ min: 1, max: 14 });

describe("planExtension", () => {
  test.prop([scenario(quota), fc.integer({ min: 0, max: 95 })])(
    "should only authorise rules the group does not already hold, each once",
    ({ inventory, attempts }, tolerance) => {
      const extension = planExtension(inventory, attempts, { tolerance });

      for (const group of extension.groups) {
        const held = inventory.groups.find((g) => g.groupId === group.groupId)!.rules.map(ruleKey);
        const added = group.authorise.map(ruleKey);
        expect(added.filter((key) => held.includes(key))).toEqual([]);
        expect(new Set(added).size).toBe(added.length);
      }
    },
  );

  test.prop([scenario(quota), fc.integer({ min: 0, max: 95 })])(
    "should keep every group within its quota",
    ({ inventory, attempts }, tolerance) => {
      const extension = planExtension(inventory, attempts, { tolerance });

      for (const group of extension.groups) {
        const rules = inventory.groups.find((g) => g.groupId === group.groupId)!.rules;
        const inUse = rules.reduce((sum, rule) => sum + ipv4QuotaCost(rule), 0);
        expect(inUse + group.authorise.length).toBeLessThanOrEqual(Math.max(inUse, group.quota));
      }
    },
  );

  test.prop([scenario(quota), fc.integer({ min: 0, max: 95 })])(
    "should never let a rule for a private source cross its RFC 1918 block",
    ({ inventory, attempts }, tolerance) => {
      const extension = planExtension(inventory, attempts, { tolerance });

      for (const { blocked, rule } of extension.extended) {
        const home = rfc1918HomeOf(ipv4Cidr(blocked.attempt.source, 32));
        expect(home).toBeDefined();
        expect(rfc1918HomeOf(cidrOf(rule)!)).toEqual(home);
      }
    },
  );

  test.prop([scenario(fc.constant(1000)), fc.integer({ min: 0, max: 95 })])(
    "should admit every blocked private source when the budget allows",
    ({ inventory, attempts }, tolerance) => {
      const extension = planExtension(inventory, attempts, { tolerance, maxGroups: 100 });

      const after = withRules(
        inventory,
        extension.groups.flatMap((g) => g.authorise),
      );
      expect(diagnoseRejects(after, attempts).blocked).toEqual([]);
    },
  );

  test.prop([scenario(fc.constant(1000)), ipRanges, fc.boolean()])(
    "should never trust AMAZON-only space, and admit every other public source",
    ({ inventory, attempts }, ranges, summarise) => {
      const classify = awsSourceClassifier(ranges);
      const options = { maxGroups: 100, publicSources: { ipRanges: ranges, summarise } };

      const extension = planExtension(inventory, attempts, options);

      const amazonOnly = (address: number) => classify(address).kind === "amazon-only";
      const rules = extension.groups.flatMap((g) => g.authorise);
      for (const rule of rules) {
        const block = cidrOf(rule)!;
        const listed = ranges.prefixes.filter(
          (p) => p.block.base === block.base && p.block.length === block.length,
        );
        const trusted = block.length === 32 ? !amazonOnly(block.base) : true;
        expect(trusted).toBe(true);
        if (block.length < 32 && !isPrivate(block.base)) {
          expect(listed.some((p) => !["AMAZON", "EC2"].includes(p.service))).toBe(true);
        }
      }
      const after = withRules(inventory, rules);
      const left = diagnoseRejects(after, attempts, { includePublic: true }).blocked;
      expect(left.every((b) => amazonOnly(b.attempt.source))).toBe(true);
    },
  );

  test.prop([scenario(fc.constant(1000)), ipRanges])(
    "should admit a public source only inside a managed-service prefix or as itself",
    ({ inventory, attempts }, ranges) => {
      const options = { maxGroups: 100, publicSources: { ipRanges: ranges, summarise: false } };

      const extension = planExtension(inventory, attempts, options);

      const widths = extension.extended
        .filter(({ blocked }) => !blocked.isPrivate)
        .map(({ rule }) => cidrOf(rule)!.length);
      expect(widths.every((length) => length === 32)).toBe(true);
    },
  );

  test.prop([scenario()])(
    "should leave public sources alone unless asked",
    ({ inventory, attempts }) => {
      const extension = planExtension(inventory, attempts, { maxGroups: 100 });

      expect(extension.extended.every(({ blocked }) => blocked.isPrivate)).toBe(true);
      const publicLeft = extension.unadmitted.filter(({ blocked }) => !blocked.isPrivate);
      expect(publicLeft.every(({ reason }) => reason === "public-excluded")).toBe(true);
    },
  );

  test.prop([scenario()])(
    "should give a flow only to groups of the interface that saw it",
    ({ inventory, attempts }) => {
      const extension = planExtension(inventory, attempts, { maxGroups: 100 });

      for (const { blocked, groupId, rule } of extension.extended) {
        expect(blocked.groupIds).toContain(groupId);
        expect(rule.groupId).toBe(groupId);
        expect(blockContains(cidrOf(rule)!, blocked.attempt.source)).toBe(true);
      }
    },
  );

  test.prop([scenario(), nacls])(
    "should not admit what the subnet's network ACL denies",
    ({ inventory, attempts }, acls) => {
      const extension = planExtension(inventory, attempts, { maxGroups: 100, nacls: acls });

      expect(extension.extended.every(({ blocked }) => blocked.nacl.verdict !== "denies")).toBe(
        true,
      );
    },
  );

  test.prop([scenario(), fc.integer({ min: 0, max: 4 })])(
    "should refuse exactly when more groups than the ceiling would change",
    ({ inventory, attempts }, maxGroups) => {
      const unlimited = planExtension(inventory, attempts, { maxGroups: 100 });

      const capped = planExtension(inventory, attempts, { maxGroups });

      expect(capped.outcome).toBe(unlimited.groups.length > maxGroups ? "refused" : "planned");
      expect(capped.groups).toEqual(unlimited.groups);
    },
  );

  test.prop([scenario(), fc.subarray(PORTS), fc.subarray(["sg-0", "sg-1", "sg-2"])])(
    "should touch only the groups and ports it is scoped to",
    ({ inventory, attempts }, ports, groupIds) => {
      const extension = planExtension(inventory, attempts, { maxGroups: 100, ports, groupIds });

      for (const group of extension.groups) {
        expect(groupIds).toContain(group.groupId);
        for (const rule of group.authorise) {
          expect([6, 17]).toContain(rule.protocol);
          expect(ports).toContain(rule.ports?.from);
        }
      }
    },
  );

  test.prop([
    scenario().chain((s) =>
      fc.tuple(fc.constant(s), fc.shuffledSubarray(s.attempts, { minLength: s.attempts.length })),
    ),
  ])("should plan the same rules whatever the order of the attempts", ([s, shuffled]) => {
    const first = planExtension(s.inventory, s.attempts, { maxGroups: 100 });

    const second = planExtension(s.inventory, shuffled, { maxGroups: 100 });

    expect(second.groups).toEqual(first.groups);
  });

  it("should say when a group cannot hold the additions and recommend compact", () => {
    const inventory: Inventory = {
      groups: [{ groupId: "sg-full", rules: [] }],
      interfaces: [{ interfaceId: "eni-1", addresses: [0x0a630001], groupIds: ["sg-full"] }],
      defaultQuota: 1,
    };
    const attempt = (source: number, port: number) => ({
      interfaceId: "eni-1",
      destination: 0x0a630001,
      protocol: 6,
      port,
      source,
      firstSeen: 1,
      lastSeen: 2,
      count: port === 443 ? 5 : 1,
    });

    const extension = planExtension(inventory, [attempt(0x0a000001, 443), attempt(0x0a000002, 22)]);

    expect(extension.groups[0]!.authorise.map((rule) => rule.ports?.from)).toEqual([443]);
    expect(extension.groups[0]!.warnings.join(" ")).toContain("compact");
    expect(extension.unadmitted.map((u) => [u.reason, u.blocked.attempt.port])).toEqual([
      ["over-budget", 22],
    ]);
  });
});
