import { describe, expect, it } from "vitest";
import {
  DEFAULT_LAYOUT,
  parseFlowLogRecord,
  parseLayout,
  type FlowLogLayout,
  type FlowLogRecord,
} from "@sg/core";

const layout = (header: string): FlowLogLayout => {
  const parsed = parseLayout(header);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return parsed.value;
};

const parsedValue = (line: string, of: FlowLogLayout): FlowLogRecord | string => {
  const parsed = parseFlowLogRecord(line, of);
  return parsed.ok ? parsed.value : parsed.error.reason;
};

describe("parseFlowLogRecord on untidy lines", () => {
  const clean =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 " +
    "1418530010 1418530070 ACCEPT OK";

  it.each([
    ["a trailing \\r", `${clean}\r`],
    ["surrounding whitespace", ` \t${clean} \r\n`],
    ["runs of spaces", clean.replaceAll(" ", "   ")],
  ])("should tolerate %s", (_, line) => {
    expect(parsedValue(line, DEFAULT_LAYOUT)).toEqual(parsedValue(clean, DEFAULT_LAYOUT));
  });
});

describe("parseFlowLogRecord on broken lines", () => {
  const fields = [
    "2",
    "123456789010",
    "eni-1235b8ca123456789",
    "172.31.16.139",
    "172.31.16.21",
    "20641",
    "22",
    "6",
    "20",
    "4249",
    "1418530010",
    "1418530070",
    "ACCEPT",
    "OK",
  ];
  const withField = (column: number, value: string): string =>
    fields.map((field, index) => (index === column ? value : field)).join(" ");

  it.each([
    ["too few fields", fields.slice(0, 13).join(" "), "has 13 fields, the layout names 14"],
    ["too few fields that shift", fields.slice(1).join(" "), "has 13 fields, the layout names 14"],
    ["too many fields", `${fields.join(" ")} extra`, "has 15 fields, the layout names 14"],
    ["an empty line", "", "has 0 fields, the layout names 14"],
    [
      "a bad address",
      withField(3, "172.31.16.300"),
      'field srcaddr "172.31.16.300" is not an IP address: has octet 4 300, above 255',
    ],
    [
      "a hostname for an address",
      withField(4, "ip-172-31-16-21"),
      'field dstaddr "ip-172-31-16-21" is not an IP address',
    ],
    [
      "a broken IPv6 address",
      withField(4, "2001:db8::1::2"),
      'field dstaddr "2001:db8::1::2" is not an IP address: uses "::" more than once',
    ],
    ["a port out of range", withField(6, "70000"), 'field dstport "70000" is not a port 0-65535'],
    ["a negative port", withField(5, "-1"), 'field srcport "-1" is not a port 0-65535'],
    ["a protocol name", withField(7, "tcp"), 'field protocol "tcp" is not a protocol number 0-255'],
    ["a protocol out of range", withField(7, "256"), 'field protocol "256" is not a protocol'],
    ["a fractional byte count", withField(9, "42.5"), 'field bytes "42.5" is not a whole number'],
    ["a negative start time", withField(10, "-5"), 'field start "-5" is not a Unix time'],
    ["an ISO end time", withField(11, "2024-01-01T00:00:00Z"), 'field end "2024-01-01T00:00:00Z"'],
    ["an unknown action", withField(12, "DROP"), 'field action "DROP" is not ACCEPT, REJECT or -'],
    ["a lower-case action", withField(12, "accept"), 'field action "accept" is not ACCEPT'],
    ["an unknown log status", withField(13, "FAILED"), 'field log-status "FAILED" is not OK'],
    ["a version word", withField(0, "v2"), 'field version "v2" is not a version number'],
  ])("should reject %s, quoting the field", (_, line, reason) => {
    const parsed = parseFlowLogRecord(line, DEFAULT_LAYOUT);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error.reason).toContain(reason);
  });

  it.each([
    ["tcp-flags", "256", "is not a TCP flag mask 0-255"],
    ["flow-direction", "in", "is not ingress, egress or -"],
    ["traffic-path", "x", "is not a traffic-path code 0-255"],
  ])("should reject a bad %s value", (field, value, problem) => {
    const custom = layout(`srcaddr dstaddr dstport protocol action interface-id ${field}`);

    const parsed = parsedValue(`10.0.0.1 10.0.0.2 443 6 ACCEPT eni-1 ${value}`, custom);

    expect(parsed).toBe(`field ${field} "${value}" ${problem}`);
  });
});
