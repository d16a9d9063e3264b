import { mergeEvidence } from "@sg/core";
import type { EvidenceBase, EvidenceOrigin } from "../../artefacts/evidence-base.js";

const originKey = (origin: EvidenceOrigin): string => `${origin.kind}|${origin.location}`;

const sumOf = (a?: number, b?: number): number | undefined =>
  a === undefined ? b : b === undefined ? a : a + b;

const maxOf = (a?: number, b?: number): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/** Joins two records of one origin: the later high-water mark, files and records added. */
const joinOrigins = (a: EvidenceOrigin, b: EvidenceOrigin): EvidenceOrigin => {
  const highWater = maxOf(a.highWater, b.highWater);
  const files = sumOf(a.files, b.files);
  const records = sumOf(a.records, b.records);
  return {
    kind: a.kind,
    location: a.location,
    ...(highWater === undefined ? {} : { highWater }),
    ...(files === undefined ? {} : { files }),
    ...(records === undefined ? {} : { records }),
  };
};

/**
 * Merges evidence bases (one per account, or an old base and a newer read) into one: the
 * entries merged by `mergeEvidence`, the window spanning all of theirs, and one origin per
 * source location with its latest high-water mark. Associative and order-independent.
 */
export const mergeEvidenceBases = (bases: readonly EvidenceBase[]): EvidenceBase => {
  const origins = new Map<string, EvidenceOrigin>();
  for (const origin of bases.flatMap((base) => base.origins)) {
    const held = origins.get(originKey(origin));
    origins.set(originKey(origin), held === undefined ? origin : joinOrigins(held, origin));
  }

  return {
    window: {
      from: Math.min(...bases.map((base) => base.window.from)),
      to: Math.max(...bases.map((base) => base.window.to)),
    },
    origins: [...origins.values()].sort((a, b) => (originKey(a) < originKey(b) ? -1 : 1)),
    entries: mergeEvidence(...bases.map((base) => base.entries)),
  };
};
