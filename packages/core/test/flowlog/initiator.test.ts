import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { initiatorOf, type FlowLogRecord, type Initiator } from "@sg/core";

const TCP = 6;
const UDP = 17;
const ICMP = 1;

describe("initiatorOf", () => {
  it.each<[string, FlowLogRecord, Initiator]>([
    ["ICMP, whose ports are 0", { protocol: ICMP, srcport: 0, dstport: 0 }, "unknown"],
    ["GRE, a protocol without ports", { protocol: 47 }, "unknown"],
    ["a record without protocol", { srcport: 40000, dstport: 443 }, "unknown"],
    ["TCP without a source port", { protocol: TCP, dstport: 443 }, "unknown"],
    ["TCP without a destination port", { protocol: TCP, srcport: 40000 }, "unknown"],
    ["a SYN (2)", { protocol: TCP, srcport: 43416, dstport: 5001, tcpFlags: 2 }, "source"],
    ["SYN with FIN (3)", { protocol: TCP, srcport: 43638, dstport: 5001, tcpFlags: 3 }, "source"],
    ["SYN with RST (6)", { protocol: TCP, srcport: 40000, dstport: 22, tcpFlags: 6 }, "source"],
    ["SYN, FIN and RST (7)", { protocol: TCP, srcport: 40000, dstport: 22, tcpFlags: 7 }, "source"],
    [
      "a SYN from the lower port",
      { protocol: TCP, srcport: 80, dstport: 9000, tcpFlags: 2 },
      "source",
    ],
    [
      "a SYN-ACK (18)",
      { protocol: TCP, srcport: 5001, dstport: 43416, tcpFlags: 18 },
      "destination",
    ],
    [
      "SYN-ACK with FIN (19)",
      { protocol: TCP, srcport: 5001, dstport: 43638, tcpFlags: 19 },
      "destination",
    ],
    [
      "SYN-ACK with RST (22)",
      { protocol: TCP, srcport: 443, dstport: 50000, tcpFlags: 22 },
      "destination",
    ],
    [
      "a SYN-ACK from the higher port",
      { protocol: TCP, srcport: 9000, dstport: 80, tcpFlags: 18 },
      "destination",
    ],
    [
      "FIN only, client side (1)",
      { protocol: TCP, srcport: 43418, dstport: 5001, tcpFlags: 1 },
      "source",
    ],
    [
      "FIN only, server side (1)",
      { protocol: TCP, srcport: 5001, dstport: 43418, tcpFlags: 1 },
      "destination",
    ],
    ["no flags seen (0)", { protocol: TCP, srcport: 50000, dstport: 443, tcpFlags: 0 }, "source"],
    ["a v2 record to a well-known port", { protocol: TCP, srcport: 20641, dstport: 22 }, "source"],
    [
      "a v2 record from a well-known port",
      { protocol: TCP, srcport: 443, dstport: 1024 },
      "destination",
    ],
    ["UDP to a well-known port", { protocol: UDP, srcport: 33000, dstport: 53 }, "source"],
    ["UDP from a well-known port", { protocol: UDP, srcport: 123, dstport: 50123 }, "destination"],
    [
      "an ephemeral port facing a registered one",
      { protocol: TCP, srcport: 49761, dstport: 3389 },
      "source",
    ],
    [
      "a registered port facing an ephemeral one",
      { protocol: TCP, srcport: 5432, dstport: 32768 },
      "destination",
    ],
    ["two well-known ports", { protocol: TCP, srcport: 1023, dstport: 22 }, "source"],
    ["two ephemeral ports", { protocol: UDP, srcport: 60000, dstport: 40000 }, "source"],
    ["two registered ports", { protocol: TCP, srcport: 8080, dstport: 9090 }, "destination"],
    ["equal ports", { protocol: UDP, srcport: 500, dstport: 500 }, "unknown"],
    [
      "equal ports with flags but no SYN",
      { protocol: TCP, srcport: 179, dstport: 179, tcpFlags: 1 },
      "unknown",
    ],
    [
      "UDP carrying a flag value",
      { protocol: UDP, srcport: 53, dstport: 40000, tcpFlags: 2 },
      "destination",
    ],
  ])("should judge %s", (_, record, expected) => {
    expect(initiatorOf(record)).toBe(expected);
  });

  const port = fc.integer({ min: 0, max: 65_535 });
  const mirror: Record<Initiator, Initiator> = {
    source: "destination",
    destination: "source",
    unknown: "unknown",
  };

  test.prop([fc.constantFrom(TCP, UDP), port, port])(
    "should give the opposite answer for the reply leg of a flagless record",
    (protocol, srcport, dstport) => {
      const request = initiatorOf({ protocol, srcport, dstport });

      const reply = initiatorOf({ protocol, srcport: dstport, dstport: srcport });

      expect(reply).toBe(mirror[request]);
    },
  );

  test.prop([port, port, fc.integer({ min: 0, max: 255 })])(
    "should follow the SYN, not the ports, whenever the flags hold one",
    (srcport, dstport, flags) => {
      fc.pre((flags & 2) !== 0);

      const initiator = initiatorOf({ protocol: TCP, srcport, dstport, tcpFlags: flags });

      expect(initiator).toBe((flags & 16) === 0 ? "source" : "destination");
    },
  );
});
