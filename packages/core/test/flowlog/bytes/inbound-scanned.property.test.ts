import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  RecordScanner,
  isInboundEvidence,
  isInboundScanned,
  parseFlowLogRecord,
  parseLayout,
} from "@sg/core";
import { decode, embedded } from "./support.js";

/** The fields the initiator rules read, from the values that exercise every branch. */
const DECIDING: Readonly<Record<string, readonly string[]>> = {
  action: ["ACCEPT", "REJECT", "-"],
  "log-status": ["OK", "NODATA", "SKIPDATA", "-"],
  "flow-direction": ["ingress", "egress", "-"],
  protocol: ["6", "17", "1", "50", "-"],
  srcport: ["22", "443", "500", "40000", "-"],
  dstport: ["22", "443", "500", "40000", "-"],
  "tcp-flags": ["0", "2", "3", "16", "18", "19", "-"],
};

const FIXED: Readonly<Record<string, string>> = {
  srcaddr: "10.0.0.1",
  dstaddr: "10.0.0.2",
  "interface-id": "eni-0123456789abcdef0",
};

/** A layout holding the required fields and any of the deciding ones, and one record. */
const decidingLine = fc
  .shuffledSubarray(["log-status", "flow-direction", "tcp-flags"])
  .chain((optional) => {
    const fields = [...Object.keys(FIXED), "action", "protocol", "srcport", "dstport", ...optional];
    const values = fields.map((field) =>
      FIXED[field] === undefined
        ? fc.constantFrom(...DECIDING[field]!)
        : fc.constant(FIXED[field]!),
    );
    return fc.tuple(fc.constant(fields), fc.tuple(...values));
  });

describe("isInboundScanned", () => {
  test.prop([decidingLine])(
    "should agree with isInboundEvidence on every record",
    ([fields, values]) => {
      const layout = parseLayout(fields.join(" "));
      if (!layout.ok) throw new Error(layout.error.reason);
      const line = values.join(" ");
      const record = parseFlowLogRecord(line, layout.value);
      if (!record.ok) throw new Error(record.error.reason);
      const scanner = new RecordScanner(layout.value, decode);
      const { bytes, start, stop } = embedded(line);
      scanner.scan(bytes, start, stop);

      const inbound = isInboundScanned(scanner.record);

      expect(inbound).toBe(isInboundEvidence(record.value));
    },
  );
});
