import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { formatIpv6, parseCidr, parseIpv6 } from "@sg/core";

describe("IPv6 addresses", () => {
  it.each([
    ["::", "::"],
    ["2001:db8::1", "2001:db8::1"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["::ffff:10.0.0.1", "::ffff:a00:1"],
    ["fe80:0:0:1:0:0:0:1", "fe80:0:0:1::1"],
  ])("should parse %s and format it as %s", (text, canonical) => {
    const parsed = parseIpv6(text);
    expect(parsed.ok && formatIpv6(parsed.value)).toBe(canonical);
  });

  it.each([
    ["1::2::3", 'uses "::" more than once'],
    ["1:2:3:4:5:6:7", "has 7 groups, expected 8"],
    ["12345::", 'has group "12345"'],
    ["::ffff:10.0.0.300", "embedded IPv4 part"],
  ])("should reject %s", (text, reason) => {
    const parsed = parseIpv6(text);
    expect(!parsed.ok && parsed.error.reason).toContain(reason);
  });

  test.prop([fc.bigInt({ min: 0n, max: (1n << 128n) - 1n })])(
    "should round-trip every address through its canonical text",
    (address) => {
      expect(parseIpv6(formatIpv6(address))).toEqual({ ok: true, value: address });
    },
  );

  it("should reject an IPv6 block with host bits set, naming the canonical one", () => {
    const parsed = parseCidr("2001:db8::1/64");
    expect(!parsed.ok && parsed.error.reason).toContain("did you mean 2001:db8::/64?");
  });
});
