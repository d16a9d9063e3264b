import { describe, expect, it } from "vitest";
import {
  DEFAULT_LAYOUT,
  initiatorOf,
  isHeaderLine,
  isInboundEvidence,
  normaliseFieldName,
  parseFlowLogRecord,
  parseIpAddress,
  parseLayout,
} from "@sg/core";

/** The `@example` lines of the flowlog TSDoc, run as written. */
describe("flowlog TSDoc examples", () => {
  it.each<[string, () => unknown, unknown]>([
    ["normaliseFieldName", () => normaliseFieldName("log_status"), "log-status"],
    [
      "parseIpAddress",
      () => parseIpAddress("10.0.0.1"),
      { ok: true, value: { family: "ipv4", value: 167772161 } },
    ],
    [
      "parseLayout",
      () => parseLayout("version srcaddr dstaddr dstport protocol action interface-id").ok,
      true,
    ],
    [
      "isHeaderLine on a header",
      () => isHeaderLine("version account-id interface-id srcaddr"),
      true,
    ],
    [
      "isHeaderLine on a record",
      () => isHeaderLine("2 123456789010 eni-1235b8ca123456789 -"),
      false,
    ],
    [
      "initiatorOf on a SYN",
      () => initiatorOf({ protocol: 6, srcport: 43416, dstport: 5001, tcpFlags: 2 }),
      "source",
    ],
    [
      "initiatorOf on a SYN-ACK",
      () => initiatorOf({ protocol: 6, srcport: 5001, dstport: 43416, tcpFlags: 18 }),
      "destination",
    ],
    [
      "isInboundEvidence",
      () =>
        isInboundEvidence({
          action: "ACCEPT",
          logStatus: "OK",
          protocol: 6,
          srcport: 20641,
          dstport: 22,
        }),
      true,
    ],
    [
      "parseFlowLogRecord",
      () =>
        parseFlowLogRecord(
          "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 " +
            "1418530010 1418530070 ACCEPT OK",
          DEFAULT_LAYOUT,
        ),
      { ok: true, value: expect.objectContaining({ dstport: 22, action: "ACCEPT" }) },
    ],
  ])("should hold for %s", (_, run, expected) => {
    expect(run()).toEqual(expected);
  });
});
