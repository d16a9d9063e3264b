/**
 * Diagnose: which connection attempts flow logs show REJECTed, and which of them no
 * current rule admits, labelled with what the subnet's network ACL would do.
 */
export { compareAttempts, type RejectedAttempt } from "./rejected-attempt.js";
export { isBlockedAttempt } from "./blocked-attempt.js";
export {
  REJECT_SKIPS,
  RejectCollector,
  type RejectSkip,
  type RejectWindow,
} from "./reject-collector.js";
export type { BlockedSource, NaclReading } from "./blocked-source.js";
export {
  diagnoseRejects,
  type Diagnosis,
  type DiagnosisStats,
  type DiagnoseOptions,
} from "./diagnose-rejects.js";
