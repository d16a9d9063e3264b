import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { formatIpv4Cidr, ipv4Cidr, parseIpRanges } from "@sg/core";

const SERVICES = ["AMAZON", "EC2", "ROUTE53_HEALTHCHECKS", "CLOUDFRONT", "S3"];

const published = fc.record({
  ip_prefix: fc
    .record({ base: fc.nat({ max: 0xffffffff }), length: fc.integer({ min: 8, max: 32 }) })
    .map(({ base, length }) => formatIpv4Cidr(ipv4Cidr(base, length))),
  region: fc.constantFrom("us-east-1", "eu-west-1", "GLOBAL"),
  service: fc.constantFrom(...SERVICES),
  network_border_group: fc.constantFrom("us-east-1", "eu-west-1", "GLOBAL"),
});

const document = (prefixes: unknown[], extra: Record<string, unknown> = {}) => ({
  syncToken: "1780000000",
  createDate: "2026-05-28-12-00-00",
  prefixes,
  ipv6_prefixes: [{ ipv6_prefix: "2600:1f14::/35", region: "eu-west-1", service: "EC2" }],
  ...extra,
});

describe("parseIpRanges", () => {
  test.prop([fc.array(published, { maxLength: 30 })])(
    "should keep every published IPv4 prefix with its service and Region",
    (prefixes) => {
      const parsed = parseIpRanges(document(prefixes));

      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const read = parsed.value.prefixes.map((p) => ({
        ip_prefix: formatIpv4Cidr(p.block),
        region: p.region,
        service: p.service,
        network_border_group: p.networkBorderGroup,
      }));
      expect(read).toEqual(prefixes);
      expect(parsed.value.ipv6PrefixCount).toBe(1);
    },
  );

  it.each<[string, unknown, string]>([
    ["a document that is not an object", [], "$"],
    ["prefixes that are not a list", document([], { prefixes: {} }), "$.prefixes"],
    ["a missing syncToken", document([], { syncToken: 17 }), "$.syncToken"],
    [
      "a prefix with host bits set",
      document([{ ip_prefix: "3.5.140.1/22", region: "GLOBAL", service: "S3" }]),
      "$.prefixes[0].ip_prefix",
    ],
    [
      "a prefix without a service",
      document([{ ip_prefix: "3.5.140.0/22", region: "GLOBAL" }]),
      "$.prefixes[0].service",
    ],
  ])("should refuse %s, naming where", (_name, input, path) => {
    const parsed = parseIpRanges(input);

    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((problem) => problem.path)).toContain(path);
  });

  it("should quote the bad value in the reason", () => {
    const parsed = parseIpRanges(
      document([{ ip_prefix: "3.5.140.999/22", region: "GLOBAL", service: "S3" }]),
    );

    expect(parsed.ok ? [] : parsed.error.map((problem) => problem.reason)).toEqual([
      expect.stringContaining('"3.5.140.999/22"'),
    ]);
  });
});
