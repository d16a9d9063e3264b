import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  blockContains,
  blockSize,
  coveringBlock,
  formatIpv4Cidr,
  ipv4Cidr,
  isSubsetOf,
  mergeSiblings,
  overlaps,
  parseIpv4Cidr,
  type Ipv4Cidr,
} from "@sg/core";

const address = fc.nat({ max: 0xffffffff });
const block = fc
  .tuple(address, fc.integer({ min: 0, max: 32 }))
  .map(([base, length]) => ipv4Cidr(base, length));

describe("parseIpv4Cidr", () => {
  it.each([
    ["10.0.0.0/16", "10.0.0.0/16"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["255.255.255.255/32", "255.255.255.255/32"],
    ["192.0.0.0/4", "192.0.0.0/4"],
  ])("should parse %s", (text, expected) => {
    const parsed = parseIpv4Cidr(text);
    expect(parsed.ok && formatIpv4Cidr(parsed.value)).toBe(expected);
  });

  it.each([
    ["10.0.0.256/24", "has octet 4 256, above 255"],
    ["10.0.0.0/33", 'has prefix length "33", expected 0-32'],
    ["10.0.0.0", "has no prefix length"],
    ["10.0.0/8", "has 3 dot-separated parts"],
    ["10.00.0.0/8", 'has octet 2 "00"'],
    ["10.0.0.0/08", 'has prefix length "08"'],
    ["10.0.0.5/24", "has host bits set below /24; did you mean 10.0.0.0/24?"],
    [" 10.0.0.0/8", 'has octet 1 " 10"'],
  ])("should reject %s, quoting it", (text, reason) => {
    const parsed = parseIpv4Cidr(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.input).toBe(text);
      expect(parsed.error.reason).toContain(reason);
    }
  });

  it("should normalise host bits as EC2 does when asked", () => {
    const parsed = parseIpv4Cidr("100.68.0.18/18", "normalise");
    expect(parsed.ok && formatIpv4Cidr(parsed.value)).toBe("100.68.0.0/18");
  });

  test.prop([block])("should round-trip every block through its text", (b) => {
    const parsed = parseIpv4Cidr(formatIpv4Cidr(b));
    expect(parsed).toEqual({ ok: true, value: b });
  });
});

describe("block arithmetic", () => {
  test.prop([block, block])("should cover both blocks with the smallest prefix", (a, b) => {
    const cover = coveringBlock(a, b);

    expect(isSubsetOf(a, cover) && isSubsetOf(b, cover)).toBe(true);
    if (cover.length < 32) {
      const halves = [
        ipv4Cidr(cover.base, cover.length + 1),
        ipv4Cidr(cover.base + blockSize(cover) / 2, cover.length + 1),
      ];
      expect(halves.some((half) => isSubsetOf(a, half) && isSubsetOf(b, half))).toBe(false);
    }
  });

  test.prop([block, block])("should agree that overlap means one contains the other", (a, b) => {
    expect(overlaps(a, b)).toBe(isSubsetOf(a, b) || isSubsetOf(b, a));
  });

  test.prop([block.filter((b) => b.length < 32)])(
    "should merge exactly the two halves of a prefix",
    (parent) => {
      const left = ipv4Cidr(parent.base, parent.length + 1);
      const right = ipv4Cidr(parent.base + blockSize(left), parent.length + 1);

      expect(mergeSiblings(left, right)).toEqual(parent);
      expect(mergeSiblings(left, left)).toBeUndefined();
    },
  );

  test.prop([block, address])("should contain an address iff it shares the prefix", (b, a) => {
    expect(blockContains(b, a)).toBe(ipv4Cidr(a, b.length).base === b.base);
  });

  it("should say 192.0.0.0/4 overlaps but is not a subset of 192.168.0.0/16", () => {
    const wide = ipv4Cidr(0xc0000000, 4) satisfies Ipv4Cidr;
    const home = ipv4Cidr(0xc0a80000, 16);
    expect(overlaps(wide, home)).toBe(true);
    expect(isSubsetOf(wide, home)).toBe(false);
  });
});
