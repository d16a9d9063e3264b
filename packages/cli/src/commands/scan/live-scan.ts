import { AwsCallError, scanOrganization } from "@sg/aws-adapter";
import { CliError } from "../../cli/cli-error.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import type { ScanRequest } from "./scan-request.js";
import { ScanProgress } from "./scan-progress.js";
import type { ScanOutcome } from "./scan-report.js";

/**
 * Scans the accounts and Regions the request names over the AWS APIs, reporting progress
 * on stderr. Failing to learn which accounts to scan (no credentials, the Organization
 * cannot be listed) means nothing could be scanned: {@link ExitCode.incompleteScan}.
 */
export const liveScan = async (
  request: Extract<ScanRequest, { kind: "live" }>,
  io: ConsoleIo,
): Promise<ScanOutcome> => {
  const progress = new ScanProgress(io, request.threshold);
  try {
    const scan = await scanOrganization({
      accounts: request.accounts,
      regions: request.regions,
      roleName: request.roleName,
      concurrency: request.concurrency,
      ...(request.externalId === undefined ? {} : { externalId: request.externalId }),
      ...(request.profile === undefined ? {} : { profile: request.profile }),
      ...(request.homeRegion === undefined ? {} : { homeRegion: request.homeRegion }),
      onEvent: progress.hear,
    });

    return {
      accounts: scan.accounts,
      estates: scan.estates.map((estate) => ({ ...estate, groups: estate.inventory.groups })),
      problems: scan.problems,
      skipped: scan.skipped,
    };
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    throw new CliError(
      `sg-tightener scan: cannot tell which accounts to scan: ${error.message}`,
      ExitCode.incompleteScan,
    );
  }
};
