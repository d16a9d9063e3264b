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
