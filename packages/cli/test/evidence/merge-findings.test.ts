import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { isRfc1918Address, type BlockedSource } from "@sg/core";
import { mergeFindings } from "../../src/evidence/merge-findings.js";
import { attempt, evidenceBase } from "./evidence-fixtures.js";

const finding: fc.Arbitrary<BlockedSource> = fc
  .record({ attempt, denied: fc.boolean() })
  .map(({ attempt: a, denied }) => ({
    attempt: a,
    groupIds: ["sg-1"],
    isPrivate: isRfc1918Address(a.source),
    nacl: denied
      ? { verdict: "denies", networkAclId: "acl-1", ruleNumber: 90 }
      : { verdict: "unknown", reason: "network ACLs were not read" },
  }));

const source = { location: "incident", window: { from: 100, to: 400 }, records: 9 };
const keyOf = (e: { interfaceId: string; port: number; source: number }) =>
  `${e.interfaceId}|${e.port}|${e.source}`;

describe("mergeFindings", () => {
  test.prop([evidenceBase, fc.array(finding, { maxLength: 10 })])(
    "should add the private findings no NACL denies, with provenance diagnose",
    (base, findings) => {
      const wanted = findings.filter((f) => f.isPrivate && f.nacl.verdict !== "denies");

      const merged = mergeFindings(base, findings, source);

      const diagnosed = merged.entries.filter((e) => e.provenance.includes("diagnose"));
      expect(new Set(diagnosed.map(keyOf))).toEqual(new Set(wanted.map((f) => keyOf(f.attempt))));
      expect(merged.window).toEqual({ from: 0, to: 400 });
    },
  );

  test.prop([evidenceBase, fc.array(finding, { maxLength: 10 })])(
    "should return the base itself when the same window is merged again",
    (base, findings) => {
      const once = mergeFindings(base, findings, source);

      expect(mergeFindings(once, findings, source)).toBe(once);
    },
  );
});
