import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { initiatorOf, isInboundEvidence, type FlowLogRecord } from "@sg/core";

const request: FlowLogRecord = {
  protocol: 6,
  srcport: 20641,
  dstport: 22,
  action: "ACCEPT",
  logStatus: "OK",
};

describe("isInboundEvidence", () => {
  it.each<[string, FlowLogRecord, boolean]>([
    ["an accepted request to a service port", request, true],
    ["an accepted SYN", { ...request, srcport: 80, dstport: 9000, tcpFlags: 2 }, true],
    ["a request whose layout lacks log-status", { ...request, logStatus: undefined }, true],
    ["an ingress request (v5)", { ...request, flowDirection: "ingress" }, true],
    [
      "equal UDP ports, which cannot be told apart",
      { ...request, protocol: 17, srcport: 500, dstport: 500 },
      true,
    ],
    ["the reply leg by ports", { ...request, srcport: 22, dstport: 20641 }, false],
    ["the reply leg by SYN-ACK", { ...request, tcpFlags: 18 }, false],
    ["equal ports on a SYN-ACK", { ...request, srcport: 179, dstport: 179, tcpFlags: 18 }, false],
    ["a rejected request", { ...request, action: "REJECT" }, false],
    ["a record without an action", { ...request, action: undefined }, false],
    ["a NODATA record", { ...request, logStatus: "NODATA" }, false],
    ["a SKIPDATA record", { ...request, logStatus: "SKIPDATA" }, false],
    ["an egress request (v5)", { ...request, flowDirection: "egress" }, false],
    [
      "an ICMP record, whose legs look alike",
      { ...request, protocol: 1, srcport: 0, dstport: 0 },
      true,
    ],
    [
      "an ESP record without ports",
      { ...request, protocol: 50, srcport: undefined, dstport: undefined },
      true,
    ],
    ["a TCP record without ports", { ...request, srcport: undefined, dstport: undefined }, false],
    ["a record without a protocol", { ...request, protocol: undefined }, false],
  ])("should judge %s", (_, record, expected) => {
    expect(isInboundEvidence(record)).toBe(expected);
  });

  const record: fc.Arbitrary<FlowLogRecord> = fc.record(
    {
      protocol: fc.constantFrom(1, 6, 17, 47),
      srcport: fc.integer({ min: 0, max: 65_535 }),
      dstport: fc.integer({ min: 0, max: 65_535 }),
      tcpFlags: fc.integer({ min: 0, max: 31 }),
      action: fc.constantFrom("ACCEPT", "REJECT"),
      logStatus: fc.constantFrom("OK", "NODATA", "SKIPDATA"),
      flowDirection: fc.constantFrom("ingress", "egress"),
    },
    { requiredKeys: [] },
  );

  test.prop([record])("should never count a record whose destination initiated", (r) => {
    fc.pre(initiatorOf(r) === "destination");

    expect(isInboundEvidence(r)).toBe(false);
  });
});
