import type { IpRanges } from "@sg/core";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { booleanFlag } from "../../cli/flag-values.js";
import type { EstateScope } from "../../estate/estate-from-flags.js";
import {
  openRejectSources,
  type RejectSources,
  type RejectSpan,
} from "../../evidence/reject-sources.js";
import { ipRangesLocation, readAwsIpRanges } from "./aws-ip-ranges.js";

/** What extend reads and writes: the window, flow logs, estate and NACLs, and AWS's ranges. */
export interface ExtendSources extends RejectSources {
  /** AWS's ranges, with `--include-public` only. */
  readonly ipRanges?: IpRanges;
}

/**
 * Chooses extend's adapters from its flags: offline, flow-log files (`--flow-logs`) and an
 * exported estate (`--estate DIR`, quota `--max-rules`); live, a CloudWatch Logs group
 * (`--log-group`) or an S3 prefix (`--s3`) with the account's estate (`--region`,
 * `--profile`, quota `--max-rules` else Service Quotas), its new rules tagged with
 * `scope.ruleTags`; and, with `--include-public`, AWS's ranges from `--ip-ranges FILE|URL`,
 * else, live only, downloaded from AWS. The one place that picks adapters.
 */
export const extendSources = async (
  flags: FlagValues,
  io: ConsoleIo,
  span: RejectSpan,
  scope: EstateScope = {},
): Promise<ExtendSources> => {
  const rangesAt = booleanFlag(flags, "include-public") ? ipRangesLocation(flags) : undefined;
  const sources = await openRejectSources("extend", flags, io, span, scope);
  const ipRanges = rangesAt === undefined ? undefined : await readAwsIpRanges(rangesAt, io);

  return { ...sources, ...(ipRanges === undefined ? {} : { ipRanges }) };
};
