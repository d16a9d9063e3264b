import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DEFAULT_LAYOUT,
  FLOW_LOG_FIELDS,
  REQUIRED_FIELDS,
  describeLayoutError,
  parseLayout,
  type FlowLogField,
} from "@sg/core";
import { layoutFields } from "./arbitraries.js";

const V2_HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status";

/** AWS's "TCP flag sequence" example format (flow-logs-records-examples). */
const V3_HEADER =
  "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport " +
  "dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status";

const reasonOf = (header: string): string => {
  const parsed = parseLayout(header);
  return parsed.ok ? "" : parsed.error.reason;
};

describe("DEFAULT_LAYOUT", () => {
  it("should hold the 14 version 2 fields in AWS's order", () => {
    expect(DEFAULT_LAYOUT.fields.join(" ")).toBe(V2_HEADER);
  });

  it("should equal the layout read from the version 2 header", () => {
    expect(parseLayout(V2_HEADER)).toEqual({ ok: true, value: DEFAULT_LAYOUT });
  });
});

describe("parseLayout", () => {
  it.each([
    ["a hyphenated header", V3_HEADER],
    ["an Athena-style header", V3_HEADER.replaceAll("-", "_")],
    ["a describe-flow-logs LogFormat", V3_HEADER.replace(/(\S+)/g, "$${$1}")],
    ["a header with extra whitespace and \\r", `  ${V3_HEADER.replaceAll(" ", "  ")} \r`],
  ])("should read %s", (_, header) => {
    const parsed = parseLayout(header);
    expect(parsed.ok && parsed.value.fields.join(" ")).toBe(V3_HEADER);
  });

  it("should read past fields AWS added after this release, keeping their columns", () => {
    const parsed = parseLayout(`resource-id ${V2_HEADER} \${next_hop_type} constructor`);

    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const { fields, positions, slots } = parsed.value;
      expect(fields).toEqual([
        "resource-id",
        ...V2_HEADER.split(" "),
        "next-hop-type",
        "constructor",
      ]);
      expect(positions.srcaddr).toBe(4);
      expect(slots[0]).toBe(slots.at(-1));
      expect(slots[0]).not.toBe(slots[4]);
    }
  });

  it.each([
    [`${V2_HEADER} 10.0.0.1 Flavour`, 'names "10.0.0.1", "Flavour", which are not field names'],
    [
      "version srcadr dstaddr dstport protocol action interface-id",
      'lacks the fields the tool needs: srcaddr (it names unknown fields "srcadr")',
    ],
    [`${V2_HEADER} srcport`, 'names "srcport" more than once'],
    [`${V2_HEADER} srcaddr account_id`, 'names "srcaddr", "account-id" more than once'],
    ["version srcaddr dstaddr srcport", "lacks the fields the tool needs: dstport, protocol"],
    ["instance-id interface-id srcaddr", "lacks the fields the tool needs: dstaddr, dstport"],
    ["   ", "names no fields"],
  ])("should reject %j", (header, reason) => {
    expect(reasonOf(header)).toContain(reason);
  });

  it("should report every problem of a header at once", () => {
    const reason = reasonOf("srcaddr srcaddr Colour");

    expect(reason).toContain('"Colour", which are not field names');
    expect(reason).toContain('"srcaddr" more than once');
    expect(reason).toContain("dstaddr, dstport, protocol, action, interface-id");
  });

  it("should quote the header in the rendered error", () => {
    const parsed = parseLayout("srcaddr Bogus");

    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(describeLayoutError(parsed.error)).toMatch(/^flow-log header "srcaddr Bogus" names/);
    }
  });

  const isKnown = (name: string): name is FlowLogField =>
    (FLOW_LOG_FIELDS as readonly string[]).includes(name);

  test.prop([layoutFields])("should keep every column, known fields at theirs", (fields) => {
    const parsed = parseLayout(fields.join(" "));

    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const { positions } = parsed.value;
      const known = fields.filter(isKnown);
      expect(parsed.value.fields).toEqual(fields);
      expect(known.map((field) => positions[field])).toEqual(
        known.map((field) => fields.indexOf(field)),
      );
    }
  });

  test.prop([layoutFields])("should mark every field the layout lacks with -1", (fields) => {
    const parsed = parseLayout(fields.join(" "));

    const absent = FLOW_LOG_FIELDS.filter((field) => !fields.includes(field));
    expect(parsed.ok && absent.every((field) => parsed.value.positions[field] === -1)).toBe(true);
  });
});
