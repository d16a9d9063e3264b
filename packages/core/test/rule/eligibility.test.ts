import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  eligibilityOf,
  ipv4Cidr,
  isSubsetOf,
  parseCidr,
  RFC1918_BLOCKS,
  TCP,
  type Rule,
  type RuleSource,
} from "@sg/core";

const ruleFrom = (source: RuleSource): Rule => ({
  groupId: "sg-1",
  protocol: TCP,
  ports: { from: 443, to: 443 },
  source,
});

const cidrRule = (text: string): Rule => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(text);
  return ruleFrom({ kind: "cidr", cidr: parsed.value });
};

describe("eligibilityOf", () => {
  it.each([
    ["10.0.0.0/8", true],
    ["10.0.0.0/16", true],
    ["172.16.0.0/12", true],
    ["172.20.0.0/23", true],
    ["192.168.0.0/16", true],
    ["10.1.2.0/24", false],
    ["10.1.2.3/32", false],
    ["0.0.0.0/0", false],
    ["192.0.0.0/4", false],
    ["100.64.0.0/10", false],
    ["172.0.0.0/8", false],
    ["8.8.0.0/16", false],
    ["fd00::/8", false],
  ])("should treat %s as eligible: %s", (text, expected) => {
    expect(eligibilityOf(cidrRule(text)).eligible).toBe(expected);
  });

  it("should keep group references and prefix lists", () => {
    const group = eligibilityOf(ruleFrom({ kind: "group", groupId: "sg-2" }));
    const list = eligibilityOf(ruleFrom({ kind: "prefix-list", prefixListId: "pl-1" }));

    expect(group).toEqual({ eligible: false, reason: "group-reference" });
    expect(list).toEqual({ eligible: false, reason: "prefix-list" });
  });

  it("should honour a configurable threshold", () => {
    expect(eligibilityOf(cidrRule("10.1.2.0/24"), 25).eligible).toBe(true);
    expect(eligibilityOf(cidrRule("10.1.0.0/20"), 20).eligible).toBe(false);
  });

  test.prop([fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 })])(
    "should call a block eligible only when it is a subset of one RFC 1918 block",
    (base, length) => {
      const block = ipv4Cidr(base, length);

      const eligibility = eligibilityOf(ruleFrom({ kind: "cidr", cidr: block }));

      const inside = RFC1918_BLOCKS.some((home) => isSubsetOf(block, home));
      expect(eligibility.eligible).toBe(inside && length < 24);
    },
  );
});
