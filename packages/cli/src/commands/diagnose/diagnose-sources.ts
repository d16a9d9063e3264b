import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import {
  openRejectSources,
  type RejectSources,
  type RejectSpan,
} from "../../evidence/reject-sources.js";

/** What diagnose reads: the window, the flow logs, the estate and the estate's NACLs. */
export type DiagnoseSources = RejectSources;

/**
 * Chooses diagnose's adapters from its flags: offline, flow-log files (`--flow-logs`) and
 * an exported estate (`--estate DIR`, whose `network-acls.json` is optional); live, a
 * CloudWatch Logs group (`--log-group`) or an S3 prefix (`--s3`) with the account's estate
 * and network ACLs (`--region`, `--profile`). The one place that picks adapters.
 */
export const diagnoseSources = (
  flags: FlagValues,
  io: ConsoleIo,
  span: RejectSpan,
): Promise<DiagnoseSources> => openRejectSources("diagnose", flags, io, span);
