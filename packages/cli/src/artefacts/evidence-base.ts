import type { EvidenceEntry, Provenance, TimeWindow } from "@sg/core";
import * as t from "io-ts";
import type { ArtefactKind } from "./artefact-file.js";
import { count, ipv4Text, isoTime } from "./codecs.js";

/** The approved.json artefact: its name, version and flag. */
export const EVIDENCE_BASE: ArtefactKind = {
  format: "sg-tightener/approved",
  version: 1,
  flag: "--approved",
};

/** Where a part of the evidence came from, and how far it has been read. */
export interface EvidenceOrigin {
  readonly kind: "flow-logs" | "diagnose" | "extend";
  /** A directory, file, log group, bucket prefix or manifest path. */
  readonly location: string;
  /** The newest record end time read from it, in Unix seconds. */
  readonly highWater?: number;
  readonly files?: number;
  readonly records?: number;
}

/**
 * The evidence base: which private sources were seen initiating accepted connections to
 * which interface address, protocol and port, when, how often, and from which origin.
 */
export interface EvidenceBase {
  readonly window: TimeWindow;
  readonly origins: readonly EvidenceOrigin[];
  readonly entries: readonly EvidenceEntry[];
}

const provenance = t.keyof({ "flow-logs": null, diagnose: null, extend: null });

const entryJson = t.type({
  interfaceId: t.string,
  destination: ipv4Text,
  protocol: count,
  port: count,
  source: ipv4Text,
  firstSeen: isoTime,
  lastSeen: isoTime,
  count,
  provenance: t.array(provenance),
});

const originJson = t.intersection([
  t.type({ kind: provenance, location: t.string }),
  t.partial({ highWater: isoTime, files: count, records: count }),
]);

const baseJson = t.type({
  format: t.literal(EVIDENCE_BASE.format),
  version: t.literal(EVIDENCE_BASE.version),
  window: t.type({ from: isoTime, to: isoTime }),
  origins: t.array(originJson),
  entries: t.array(entryJson),
});

/** Decodes and encodes approved.json. */
export const evidenceBaseCodec = new t.Type<EvidenceBase, unknown, unknown>(
  "approved.json",
  (value): value is EvidenceBase => false,
  (value, context) => {
    const decoded = baseJson.validate(value, context);
    if (decoded._tag === "Left") return decoded;
    const { window, origins, entries } = decoded.right;
    return t.success({
      window,
      origins,
      entries: entries.map((entry) => ({ ...entry, provenance: entry.provenance as Provenance[] })),
    });
  },
  (base) =>
    baseJson.encode({
      format: EVIDENCE_BASE.format,
      version: EVIDENCE_BASE.version,
      window: base.window,
      origins: [...base.origins],
      entries: base.entries.map((entry) => ({ ...entry, provenance: [...entry.provenance] })),
    }),
);
