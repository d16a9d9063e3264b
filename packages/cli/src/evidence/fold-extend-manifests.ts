import { basename } from "node:path";
import {
  admitsTraffic,
  blockContains,
  isRfc1918Address,
  type EvidenceEntry,
  type Rule,
} from "@sg/core";
import type { EvidenceBase } from "../artefacts/evidence-base.js";
import type { Manifest } from "../artefacts/manifest.js";
import type { ExtendedAttempt } from "./extension-record.js";
import { addEvidence } from "./internal/add-evidence.js";

/** An extend manifest and the path it was read from (the path names the origin). */
export interface ExtendManifestFile {
  readonly path: string;
  readonly manifest: Manifest;
}

/** Whether a rule extend authorised admits the source on its protocol and port. */
const admits = (rule: Rule, attempt: ExtendedAttempt): boolean =>
  rule.source.kind === "cidr" &&
  rule.source.cidr.family === "ipv4" &&
  blockContains(rule.source.cidr, attempt.source) &&
  admitsTraffic(rule, attempt.protocol, attempt.port);

const foldOne = (base: EvidenceBase, { path, manifest }: ExtendManifestFile): EvidenceBase => {
  const record = manifest.extension;
  if (manifest.command !== "extend" || record === undefined) return base;
  const name = basename(path);
  if (base.origins.some((o) => o.kind === "extend" && basename(o.location) === name)) return base;

  const added = manifest.changes.filter(
    (change) => change.action === "authorise" && change.state === "done",
  );
  const entries = record.sources
    .filter(
      (attempt) =>
        isRfc1918Address(attempt.source) &&
        added.some(
          (change) => attempt.groupIds.includes(change.groupId) && admits(change.rule, attempt),
        ),
    )
    .map(({ groupIds: _groupIds, ...attempt }): EvidenceEntry => ({
      ...attempt,
      provenance: ["extend"],
    }));
  const origin = {
    kind: "extend" as const,
    location: path,
    highWater: record.window.to,
    records: entries.length,
  };
  return addEvidence(base, entries, origin, record.window);
};

/**
 * Adds the private sources extend admitted to an evidence base, with provenance
 * `extend`, so the next plan keeps them admitted instead of tightening extend's rules
 * away. A source counts only when a rule the manifest authorised (state `done`) in one of
 * its groups admits it, so a halted extend folds just what it really opened. Manifests of
 * other commands, and manifests already folded (an `extend` origin with the same file
 * name), are passed over, so folding twice changes nothing. The base is not modified.
 */
export const foldExtendManifests = (
  base: EvidenceBase,
  manifests: readonly ExtendManifestFile[],
): EvidenceBase => manifests.reduce(foldOne, base);
