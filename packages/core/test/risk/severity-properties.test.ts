import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  ADMIN_PORTS,
  ICMP,
  ICMPV6,
  assessRule,
  eligibilityOf,
  ipv4Cidr,
  severityRank,
  type Rule,
} from "@sg/core";
import { cidrRule, interestingBlock, portRange, traffic } from "./arbitraries.js";

const GROUP = { groupId: "sg-1" };

/** 0 for CRITICAL … 3 for LOW, 4 for "not reported". */
const levelOf = (rule: Rule): number => {
  const finding = assessRule(GROUP, rule);
  return finding === undefined ? 4 : severityRank(finding.severity);
};

const internetRule = (protocol: number, from: number, to: number): Rule => ({
  groupId: "sg-1",
  protocol,
  ports: { from, to },
  source: { kind: "cidr", cidr: ipv4Cidr(0, 0) },
});

describe("properties of the severity model", () => {
  test.prop([fc.constantFrom(...ADMIN_PORTS), fc.nat({ max: 2000 }), fc.nat({ max: 2000 })])(
    "should rate the internet on any range holding an admin port as CRITICAL",
    (admin, below, above) => {
      const protocol = admin.protocols[0]!;
      const rule = internetRule(
        protocol,
        Math.max(0, admin.port - below),
        Math.min(65535, admin.port + above),
      );

      expect(assessRule(GROUP, rule)?.severity).toBe("CRITICAL");
    },
  );

  test.prop([cidrRule()])(
    "should mark a finding tightenable exactly when plan may tighten it",
    (rule) => {
      const finding = assessRule(GROUP, rule);
      fc.pre(finding !== undefined);

      expect(finding!.tightenable).toBe(eligibilityOf(rule).eligible);
    },
  );

  test.prop([cidrRule()])("should report every rule that plan would tighten", (rule) => {
    fc.pre(eligibilityOf(rule).eligible);

    expect(assessRule(GROUP, rule)).toBeDefined();
  });

  test.prop([cidrRule()])("should never rate an ICMP rule above LOW", (rule) => {
    fc.pre(rule.protocol === ICMP || rule.protocol === ICMPV6);

    expect(levelOf(rule)).toBeGreaterThanOrEqual(3);
  });

  test.prop([interestingBlock(), fc.nat({ max: 32 }), traffic()])(
    "should never raise the severity when the source narrows",
    (block, extra, shape) => {
      fc.pre(block.family === "ipv4");
      const narrower = ipv4Cidr(block.base, Math.min(32, block.length + extra));
      const wide: Rule = { groupId: "sg-1", ...shape, source: { kind: "cidr", cidr: block } };
      const narrow: Rule = { ...wide, source: { kind: "cidr", cidr: narrower } };

      expect(levelOf(narrow)).toBeGreaterThanOrEqual(levelOf(wide));
    },
  );

  test.prop([interestingBlock(), fc.constantFrom(6, 17), portRange(), portRange()])(
    "should never lower the severity when the port range widens",
    (block, protocol, a, b) => {
      const inner = { from: Math.max(a.from, b.from), to: Math.min(a.to, b.to) };
      fc.pre(inner.from <= inner.to);
      const outer = { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
      const rule = (ports: typeof inner): Rule => ({
        groupId: "sg-1",
        protocol,
        ports,
        source: { kind: "cidr", cidr: block },
      });

      expect(levelOf(rule(outer))).toBeLessThanOrEqual(levelOf(rule(inner)));
    },
  );

  test.prop([cidrRule()])("should count the addresses the source trusts", (rule) => {
    const finding = assessRule(GROUP, rule);
    fc.pre(finding !== undefined && rule.source.kind === "cidr");
    const cidr = rule.source.kind === "cidr" ? rule.source.cidr : undefined;

    expect(finding!.addressesTrusted).toBe(
      2 ** ((cidr!.family === "ipv4" ? 32 : 128) - cidr!.length),
    );
  });
});
