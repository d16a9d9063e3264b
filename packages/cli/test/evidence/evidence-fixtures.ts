import { fc } from "@fast-check/vitest";
import { ipv4Cidr, type EvidenceEntry, type RejectedAttempt, type Rule } from "@sg/core";
import type { EvidenceBase } from "../../src/artefacts/evidence-base.js";
import type { Manifest, ManifestChange } from "../../src/artefacts/manifest.js";
import type { ExtendedAttempt } from "../../src/evidence/extension-record.js";

/** An attempt on one of two interfaces from a private or public source. */
export const attempt: fc.Arbitrary<RejectedAttempt> = fc.record({
  interfaceId: fc.constantFrom("eni-1", "eni-2"),
  destination: fc.constant(0x0a630001),
  protocol: fc.constant(6),
  port: fc.constantFrom(443, 5432),
  source: fc.oneof(
    fc.integer({ min: 0x0a000000, max: 0x0a00003f }),
    fc.integer({ min: 0x36f30000, max: 0x36f3000f }),
  ),
  firstSeen: fc.integer({ min: 100, max: 200 }),
  lastSeen: fc.integer({ min: 200, max: 300 }),
  count: fc.integer({ min: 1, max: 5 }),
});

/** An evidence base with a few flow-log entries. */
export const evidenceBase: fc.Arbitrary<EvidenceBase> = fc
  .array(attempt, { maxLength: 8 })
  .map((attempts) => ({
    window: { from: 0, to: 250 },
    origins: [{ kind: "flow-logs" as const, location: "logs", records: attempts.length }],
    entries: attempts.map((a): EvidenceEntry => ({ ...a, provenance: ["flow-logs"] })),
  }));

const rule = (groupId: string, base: number, length: number, port: number): Rule => ({
  groupId,
  protocol: 6,
  ports: { from: port, to: port },
  source: { kind: "cidr", cidr: ipv4Cidr(base, length) },
});

/** An extend manifest whose rules (done or failed) admit some of its sources. */
export const extendManifest: fc.Arbitrary<Manifest> = fc
  .record({
    sources: fc.array(attempt, { maxLength: 8 }),
    rules: fc.array(
      fc.record({
        length: fc.integer({ min: 26, max: 32 }),
        offset: fc.nat({ max: 63 }),
        port: fc.constantFrom(443, 5432),
        state: fc.constantFrom("done" as const, "failed" as const),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ sources, rules }): Manifest => ({
    command: "extend",
    estate: "estate",
    startedAt: 1_000,
    status: "complete",
    changes: rules.map((r, i): ManifestChange => ({
      sequence: i + 1,
      groupId: "sg-1",
      action: "authorise",
      rule: rule("sg-1", 0x0a000000 + r.offset, r.length, r.port),
      state: r.state,
    })),
    extension: {
      window: { from: 100, to: 400 },
      tolerance: 50,
      sources: sources.map((s): ExtendedAttempt => ({ ...s, groupIds: ["sg-1"] })),
    },
  }));
