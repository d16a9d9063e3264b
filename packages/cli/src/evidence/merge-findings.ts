import type { BlockedSource, TimeWindow } from "@sg/core";
import type { EvidenceBase, EvidenceOrigin } from "../artefacts/evidence-base.js";
import { addEvidence } from "./internal/add-evidence.js";

/** Where merged findings came from: the flow logs read and the window, for the origin. */
export interface FindingsSource {
  /** The flow-log source, in one phrase (`flow-log files under logs/`). */
  readonly location: string;
  readonly window: TimeWindow;
  /** Flow-log records read. */
  readonly records: number;
}

/** The origin's location: the source and the window, so a repeated merge is recognised. */
const locationOf = ({ location, window }: FindingsSource): string =>
  `${location}, REJECTs from ${isoOf(window.from)} to ${isoOf(window.to)}`;

const isoOf = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

/**
 * Folds diagnose's findings into the evidence base with provenance `diagnose`, so the
 * next plan keeps these sources admitted wherever a rule it tightens holds them. Private
 * sources only, and not those the subnet's network ACL denies (no group rule would let
 * them in). Records one `diagnose` origin for the source and window; merging the same
 * source and window again returns `base` itself, unchanged.
 */
export const mergeFindings = (
  base: EvidenceBase,
  findings: readonly BlockedSource[],
  source: FindingsSource,
): EvidenceBase => {
  const location = locationOf(source);
  if (base.origins.some((origin) => origin.kind === "diagnose" && origin.location === location)) {
    return base;
  }

  const entries = findings
    .filter((finding) => finding.isPrivate && finding.nacl.verdict !== "denies")
    .map(({ attempt }) => ({ ...attempt, provenance: ["diagnose" as const] }));
  const origin: EvidenceOrigin = {
    kind: "diagnose",
    location,
    highWater: source.window.to,
    records: source.records,
  };
  return addEvidence(base, entries, origin, source.window);
};
