/**
 * @sg/cli: the `sg-tightener` command. Exported for tests and for tools that drive it in
 * process; the artefact codecs let other tools read approved.json, plan.json and manifests.
 */
export { main, COMMANDS } from "./cli/main.js";
export { ExitCode } from "./cli/exit-codes.js";
export type { ConsoleIo } from "./cli/console-io.js";
export { evidenceBaseCodec, EVIDENCE_BASE, type EvidenceBase } from "./artefacts/evidence-base.js";
export { PLAN_FILE, plannedChangesCodec, type PlannedChanges } from "./artefacts/plan-file.js";
export {
  MANIFEST,
  manifestCodec,
  type Manifest,
  type ManifestChange,
} from "./artefacts/manifest.js";
export {
  COMPACT_PLAN,
  compactPlanCodec,
  encodeCompactPlan,
  type CompactPlanSteps,
} from "./artefacts/compact-plan.js";
export { foldExtendManifests, type ExtendManifestFile } from "./evidence/fold-extend-manifests.js";
export { mergeFindings, type FindingsSource } from "./evidence/merge-findings.js";
export type { ExtendedAttempt, ManifestExtension } from "./evidence/extension-record.js";
export {
  readLocalEvidence,
  type LocalEvidenceReading,
} from "./commands/analyse/read-local-evidence.js";
export { EvidenceTally } from "./commands/analyse/evidence-tally.js";
