import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  awsSourceClassifier,
  blockContains,
  ipv4Cidr,
  parseIpRanges,
  parseIpv4,
  type IpRangePrefix,
  type IpRanges,
} from "@sg/core";

const SERVICES = ["AMAZON", "EC2", "ROUTE53_HEALTHCHECKS", "CLOUDFRONT"];
const SPACE = 0x36f30000; // 54.243.0.0, a /16 the generated prefixes and addresses share

const prefix: fc.Arbitrary<IpRangePrefix> = fc.record({
  block: fc
    .record({ offset: fc.nat({ max: 0xffff }), length: fc.integer({ min: 16, max: 32 }) })
    .map(({ offset, length }) => ipv4Cidr(SPACE + offset, length)),
  region: fc.constantFrom("us-east-1", "GLOBAL"),
  service: fc.constantFrom(...SERVICES),
});

const ranges: fc.Arbitrary<IpRanges> = fc.array(prefix, { maxLength: 25 }).map((prefixes) => ({
  syncToken: "1",
  createDate: "2026-05-28-12-00-00",
  prefixes,
  ipv6PrefixCount: 0,
}));

const address = fc.nat({ max: 0xffff }).map((offset) => SPACE + offset);

describe("awsSourceClassifier", () => {
  test.prop([ranges, address])(
    "should pick the most specific prefix listed under a service other than AMAZON",
    (published, source) => {
      const holding = published.prefixes.filter(
        (p) => p.service !== "AMAZON" && blockContains(p.block, source),
      );
      const longest = Math.max(-1, ...holding.map((p) => p.block.length));

      const found = awsSourceClassifier(published)(source);

      if (longest < 0) {
        expect(["amazon-only", "not-aws"]).toContain(found.kind);
      } else {
        expect(found.kind === "service" || found.kind === "ec2").toBe(true);
        if (found.kind === "not-aws") return;
        expect(found.prefix.block.length).toBe(longest);
        expect(blockContains(found.prefix.block, source)).toBe(true);
        expect(found.prefix.service).not.toBe("AMAZON");
      }
    },
  );

  test.prop([ranges, address])(
    "should call a source amazon-only exactly when only AMAZON prefixes hold it",
    (published, source) => {
      const holding = published.prefixes.filter((p) => blockContains(p.block, source));
      const onlyAmazon = holding.length > 0 && holding.every((p) => p.service === "AMAZON");

      const found = awsSourceClassifier(published)(source);

      expect(found.kind === "amazon-only").toBe(onlyAmazon);
    },
  );

  test.prop([ranges, address])(
    "should call a source ec2 only when no managed service lists its most specific prefix",
    (published, source) => {
      const found = awsSourceClassifier(published)(source);
      fc.pre(found.kind === "ec2");

      const rivals = published.prefixes.filter(
        (p) =>
          found.kind === "ec2" &&
          p.block.length === found.prefix.block.length &&
          p.block.base === found.prefix.block.base &&
          p.service !== "AMAZON" &&
          p.service !== "EC2",
      );
      expect(rivals).toEqual([]);
    },
  );

  it("should read a real-looking ip-ranges.json", () => {
    const parsed = parseIpRanges({
      syncToken: "1780000000",
      createDate: "2026-05-28-12-00-00",
      prefixes: [
        { ip_prefix: "54.243.0.0/16", region: "us-east-1", service: "AMAZON" },
        { ip_prefix: "54.243.31.192/26", region: "us-east-1", service: "AMAZON" },
        { ip_prefix: "54.243.31.192/26", region: "us-east-1", service: "EC2" },
        { ip_prefix: "54.243.31.192/26", region: "us-east-1", service: "ROUTE53_HEALTHCHECKS" },
      ],
    });
    if (!parsed.ok) throw new Error("the example ip-ranges.json should parse");
    const classify = awsSourceClassifier(parsed.value);
    const at = (text: string) => {
      const address = parseIpv4(text);
      if (!address.ok) throw new Error(`bad example address ${text}`);
      return classify(address.value);
    };

    expect(at("54.243.31.200")).toMatchObject({
      kind: "service",
      prefix: { service: "ROUTE53_HEALTHCHECKS", region: "us-east-1" },
    });
    expect(at("54.243.5.5")).toMatchObject({ kind: "amazon-only" });
    expect(at("198.51.100.7")).toEqual({ kind: "not-aws" });
  });
});
