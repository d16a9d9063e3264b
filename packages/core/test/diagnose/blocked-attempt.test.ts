import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { isBlockedAttempt, isInboundEvidence, type FlowLogRecord } from "@sg/core";

const FIN = 1;
const SYN = 2;
const RST = 4;

/** Records with the fields that decide: action, status, direction, protocol, ports, flags. */
const record: fc.Arbitrary<FlowLogRecord> = fc.record(
  {
    action: fc.constantFrom("ACCEPT" as const, "REJECT" as const),
    logStatus: fc.constantFrom("OK" as const, "NODATA" as const, "SKIPDATA" as const),
    flowDirection: fc.constantFrom("ingress" as const, "egress" as const),
    protocol: fc.constantFrom(1, 6, 17, 47),
    srcport: fc.constantFrom(443, 500, 40000, 51000),
    dstport: fc.constantFrom(443, 500, 40000, 51000),
    tcpFlags: fc.constantFrom(0, 1, 2, 3, 4, 6, 18, 19, 22),
  },
  { requiredKeys: ["action"] },
);

const isLate = (r: FlowLogRecord): boolean =>
  r.protocol === 6 &&
  r.tcpFlags !== undefined &&
  (r.tcpFlags & (FIN | RST)) !== 0 &&
  (r.tcpFlags & SYN) === 0;

describe("isBlockedAttempt", () => {
  test.prop([record])("should never count an accepted record", (r) => {
    fc.pre(r.action === "ACCEPT");

    expect(isBlockedAttempt(r)).toBe(false);
  });

  test.prop([record])("should never count a packet after FIN or RST", (r) => {
    fc.pre(isLate(r));

    expect(isBlockedAttempt({ ...r, action: "REJECT" })).toBe(false);
  });

  test.prop([record])(
    "should count a rejected record exactly when its accepted twin would be inbound evidence",
    (r) => {
      fc.pre(r.action === "REJECT" && !isLate(r));

      expect(isBlockedAttempt(r)).toBe(isInboundEvidence({ ...r, action: "ACCEPT" }));
    },
  );

  const reject = { action: "REJECT", logStatus: "OK", protocol: 6 } as const;
  it.each<[string, FlowLogRecord, boolean]>([
    ["a rejected SYN", { ...reject, srcport: 40000, dstport: 443, tcpFlags: SYN }, true],
    ["a rejected SYN without flags (v2)", { ...reject, srcport: 40000, dstport: 443 }, true],
    ["a SYN-ACK: the reply leg", { ...reject, srcport: 443, dstport: 40000, tcpFlags: 18 }, false],
    ["a reply by the port heuristic", { ...reject, srcport: 5432, dstport: 45000 }, false],
    ["a late FIN", { ...reject, srcport: 40000, dstport: 443, tcpFlags: FIN }, false],
    ["a late RST", { ...reject, srcport: 40000, dstport: 443, tcpFlags: RST }, false],
    [
      "SYN with RST: refused at once",
      { ...reject, srcport: 40000, dstport: 443, tcpFlags: 6 },
      true,
    ],
    [
      "an egress record",
      { ...reject, srcport: 40000, dstport: 443, tcpFlags: SYN, flowDirection: "egress" },
      false,
    ],
    ["a NODATA line", { action: "REJECT", logStatus: "NODATA" }, false],
    ["a rejected ping", { ...reject, protocol: 1, srcport: 0, dstport: 0 }, true],
  ])("should read %s", (_name, r, expected) => {
    expect(isBlockedAttempt(r)).toBe(expected);
  });
});
