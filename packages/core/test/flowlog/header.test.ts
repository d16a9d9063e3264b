import { describe, expect, it } from "vitest";
import { isHeaderLine } from "@sg/core";

describe("isHeaderLine", () => {
  it.each([
    ["version account-id interface-id srcaddr"],
    ["version account_id interface_id srcaddr"],
    ["${version} ${account-id} ${interface-id}"],
    ["instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\r"],
    ["flow-direction traffic-path srcaddr dstaddr srcport dstport encryption-status"],
    ["version srcaddr next-hop-interface-id"],
  ])("should take %j for a header", (line) => {
    expect(isHeaderLine(line)).toBe(true);
  });

  it.each([
    ["2 123456789010 eni-1235b8ca123456789 -"],
    ["- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5"],
    ["ingress - 10.0.133.8 10.0.128.55 43236 80 1"],
    ["version - 10.0.0.1 10.0.0.2 443 ACCEPT"],
    ["vpc-0abc subnet-1 i-0123"],
    [""],
    ["   "],
  ])("should take %j for a record", (line) => {
    expect(isHeaderLine(line)).toBe(false);
  });
});
