import { insightsLayoutProblem, insightsQuery, insightsSpan } from "@sg/aws-adapter";
import { DEFAULT_LAYOUT, parseLayout, type FlowLogLayout } from "@sg/core";
import { describe, expect, it } from "vitest";

const WINDOW = { from: 1_780_000_000, to: 1_780_086_399 };

const layoutOf = (header: string): FlowLogLayout => {
  const parsed = parseLayout(header);
  if (!parsed.ok) throw new Error(header);
  return parsed.value;
};

const V5 = layoutOf(
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
    "start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr " +
    "pkt-dstaddr flow-direction traffic-path",
);

describe("insightsQuery", () => {
  it("should read the default format through the fields Insights discovers", () => {
    // Act
    const query = insightsQuery(WINDOW);

    // Assert
    expect(query.split("\n| ")).toEqual([
      'filter action = "ACCEPT" and logStatus in ["OK", "-"]',
      "filter startTime >= 1779996400 and startTime <= 1780086399",
      "filter endTime >= 1780000000 and startTime <= 1780086399",
      'filter interfaceId != "-" and isValidIpV4(dstAddr)',
      'filter (isIpv4InSubnet(srcAddr, "10.0.0.0/8") or isIpv4InSubnet(srcAddr, "172.16.0.0/12") ' +
        'or isIpv4InSubnet(srcAddr, "192.168.0.0/16"))',
      'filter protocol != "-" and ((protocol != 6 and protocol != 17) or ' +
        '(srcPort != "-" and dstPort != "-" and (srcPort - dstPort >= 0)))',
      "stats count(*) as records, min(startTime) as firstSeen, max(endTime) as lastSeen by " +
        "interfaceId, dstAddr, protocol, dstPort, srcAddr as source",
    ]);
  });

  it("should parse a custom format into one prefixed field per column", () => {
    // Act
    const [parse = ""] = insightsQuery(WINDOW, V5).split("\n| ");

    // Assert
    expect(parse).toBe(
      `parse @message "${V5.fields.map(() => "*").join(" ")}" as ` +
        V5.fields.map((field) => `f_${field.replaceAll("-", "_")}`).join(", "),
    );
  });

  it.each([
    'f_flow_direction != "egress"',
    "f_tcp_flags % 4 >= 2 and f_tcp_flags % 32 < 16",
    '(f_pkt_srcaddr = "-" and (isIpv4InSubnet(f_srcaddr, "10.0.0.0/8")',
    '(f_pkt_srcaddr != "-" and (isIpv4InSubnet(f_pkt_srcaddr, "10.0.0.0/8")',
    "by f_interface_id as interfaceId, f_dstaddr as dstAddr, f_protocol as protocol, " +
      "f_dstport as dstPort, f_srcaddr as srcAddr, f_pkt_srcaddr as pktSrcAddr",
  ])("should carry %s for a version 5 format", (text) => {
    expect(insightsQuery(WINDOW, V5)).toContain(text);
  });

  it("should hold records to the slice by their start", () => {
    // Act
    const query = insightsQuery(WINDOW, DEFAULT_LAYOUT, { from: 1_780_000_100, to: 1_780_000_199 });

    // Assert
    expect(query).toContain("filter startTime >= 1780000100 and startTime <= 1780000199\n");
  });

  it("should reach an hour before the window", () => {
    expect(insightsSpan(WINDOW)).toEqual({ from: WINDOW.from - 3600, to: WINDOW.to });
  });
});

describe("insightsLayoutProblem", () => {
  it("should name the fields a format lacks", () => {
    // Arrange
    const layout = layoutOf("version interface-id srcaddr dstaddr dstport protocol action");

    // Act
    const problem = insightsLayoutProblem(layout);

    // Assert
    expect(problem).toBe("the flow-log format lacks srcport, start, end, which evidence needs");
  });

  it("should accept the default format", () => {
    expect(insightsLayoutProblem(DEFAULT_LAYOUT)).toBeUndefined();
  });
});
