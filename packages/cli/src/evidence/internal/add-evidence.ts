import { mergeEvidence, type EvidenceEntry, type TimeWindow } from "@sg/core";
import type { EvidenceBase, EvidenceOrigin } from "../../artefacts/evidence-base.js";

/**
 * Adds entries to an evidence base under one new origin, merging them as `merge` does (a
 * tuple already held widens its sightings, adds its count and joins its provenance); the
 * base's window grows to cover `window`. The base is not modified.
 */
export const addEvidence = (
  base: EvidenceBase,
  additions: readonly EvidenceEntry[],
  origin: EvidenceOrigin,
  window: TimeWindow,
): EvidenceBase => ({
  window: {
    from: Math.min(base.window.from, window.from),
    to: Math.max(base.window.to, window.to),
  },
  origins: [...base.origins, origin],
  entries: mergeEvidence(base.entries, additions),
});
