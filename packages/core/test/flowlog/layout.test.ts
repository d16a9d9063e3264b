import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DEFAULT_LAYOUT,
  FLOW_LOG_FIELDS,
  REQUIRED_FIELDS,
  describeLayoutError,
  parseLayout,
} from "@sg/core";

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

  it.each([
    [`${V2_HEADER} resource-id flavour`, 'names unknown fields "resource-id", "flavour"'],
    [`${V2_HEADER} srcport`, 'names "srcport" more than once'],
    [`${V2_HEADER} srcaddr account_id`, 'names "srcaddr", "account-id" more than once'],
    ["version srcaddr dstaddr srcport", "lacks the fields the tool needs: dstport, protocol"],
    ["instance-id interface-id srcaddr", "lacks the fields the tool needs: dstaddr, dstport"],
    ["   ", "names no fields"],
  ])("should reject %j", (header, reason) => {
    expect(reasonOf(header)).toContain(reason);
  });

  it("should report every problem of a header at once", () => {
    const reason = reasonOf("srcaddr srcaddr colour");

    expect(reason).toContain('unknown fields "colour"');
    expect(reason).toContain('"srcaddr" more than once');
    expect(reason).toContain("dstaddr, dstport, protocol, action, interface-id");
  });

  it("should quote the header in the rendered error", () => {
    const parsed = parseLayout("srcaddr bogus");

    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(describeLayoutError(parsed.error)).toMatch(/^flow-log header "srcaddr bogus" names/);
    }
  });

  const layoutFields = fc
    .subarray(FLOW_LOG_FIELDS.filter((field) => !REQUIRED_FIELDS.includes(field)))
    .chain((extra) =>
      fc.shuffledSubarray([...REQUIRED_FIELDS, ...extra], { minLength: 6 + extra.length }),
    );

  test.prop([layoutFields])("should place every field at its column", (fields) => {
    const parsed = parseLayout(fields.join(" "));

    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const { positions } = parsed.value;
      expect(fields.map((field) => positions[field])).toEqual(fields.map((_, column) => column));
    }
  });

  test.prop([layoutFields])("should mark every field the layout lacks with -1", (fields) => {
    const parsed = parseLayout(fields.join(" "));

    const absent = FLOW_LOG_FIELDS.filter((field) => !fields.includes(field));
    expect(parsed.ok && absent.every((field) => parsed.value.positions[field] === -1)).toBe(true);
  });
});
