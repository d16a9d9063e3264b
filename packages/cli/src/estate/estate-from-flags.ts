import { AwsCallError, AwsEstate, type AwsEstateOptions } from "@sg/aws-adapter";
import { CliError, usageError } from "../cli/cli-error.js";
import type { FlagValues } from "../cli/command.js";
import type { ConsoleIo } from "../cli/console-io.js";
import { ExitCode } from "../cli/exit-codes.js";
import { integerFlag, listFlag, stringFlag } from "../cli/flag-values.js";
import type { CommandEstate } from "./command-estate.js";
import { injectedFault } from "./injected-fault.js";
import { openLocalEstate } from "./open-estate.js";

/** What a command knows about the estate it is about to open, beyond its flags. */
export interface EstateScope {
  /** Read only these groups (the plan's, the manifest's); `--groups` otherwise. Live only. */
  readonly groupIds?: readonly string[];
  /**
   * With `groupIds`, read too the other groups of their interfaces and the interfaces of
   * groups their rules reference: what decides whether a source is already admitted.
   */
  readonly neighbours?: boolean;
  /** Tags for every rule the command authorises, such as the plan digest. Live only. */
  readonly ruleTags?: Readonly<Record<string, string>>;
}

const QUOTA_BOUNDS = { min: 1, max: 1000 };

/**
 * Opens the estate a command works on: `--estate DIR` gives the exported estate (quota
 * `--max-rules`, default 60, and the SG_TIGHTENER_TEST_FAIL_CALL test hook); otherwise the
 * live account through the SDK's default resolution, narrowed by `--region`, `--profile`,
 * `--max-rules` (else Service Quotas) and the scope. Reads of the live estate fail as a
 * `CliError` with exit code 9 (permission) or 10 (anything else), naming the AWS call.
 */
export const openEstateFromFlags = async (
  flags: FlagValues,
  io: ConsoleIo,
  command: string,
  scope: EstateScope = {},
): Promise<CommandEstate> => {
  const directory = stringFlag(flags, "estate");
  const region = stringFlag(flags, "region");
  const profile = stringFlag(flags, "profile");
  if (directory !== undefined && (region !== undefined || profile !== undefined)) {
    throw usageError(
      `sg-tightener ${command}: --region and --profile choose the live estate; ` +
        "leave them out with --estate DIR",
    );
  }

  if (directory !== undefined) {
    const quota = integerFlag(flags, "max-rules", 60, QUOTA_BOUNDS);
    const local = await openLocalEstate(directory, { quota, ...injectedFault(io.env) });
    return {
      read: () => local.read(),
      authorise: (groupId, rules) => local.authorise(groupId, rules),
      revoke: (groupId, rules) => local.revoke(groupId, rules),
      describe: () => local.describe(),
      commandLine: (line) => `${line} --estate ${directory}`,
      readNetworkAcls: () => local.readNetworkAcls(),
    };
  }

  const live = new AwsEstate(liveOptions(flags, io, scope));
  const reopen = [
    ...(region === undefined ? [] : [`--region ${region}`]),
    ...(profile === undefined ? [] : [`--profile ${profile}`]),
  ];
  return {
    read: () => live.read().catch((error: unknown) => Promise.reject(asCliError(error))),
    authorise: (groupId, rules) => live.authorise(groupId, rules),
    revoke: (groupId, rules) => live.revoke(groupId, rules),
    describe: () => live.describe(),
    commandLine: (line) => [line, ...reopen].join(" "),
    readNetworkAcls: () =>
      live.readNetworkAcls().catch((error: unknown) => Promise.reject(asCliError(error))),
    dryRun: (changes) => live.dryRun(changes),
  };
};

const liveOptions = (flags: FlagValues, io: ConsoleIo, scope: EstateScope): AwsEstateOptions => {
  const region = stringFlag(flags, "region");
  const profile = stringFlag(flags, "profile");
  const quota = stringFlag(flags, "max-rules");
  const groupIds = scope.groupIds ?? listFlag(flags, "groups");
  const attempts = Number(io.env.AWS_MAX_ATTEMPTS);

  return {
    ...(region === undefined ? {} : { region }),
    ...(profile === undefined ? {} : { profile }),
    ...(quota === undefined ? {} : { quota: integerFlag(flags, "max-rules", 60, QUOTA_BOUNDS) }),
    ...(scope.groupIds === undefined && groupIds.length === 0 ? {} : { groupIds }),
    ...(scope.neighbours === true ? { neighbours: true } : {}),
    ...(scope.ruleTags === undefined ? {} : { ruleTags: scope.ruleTags }),
    ...(Number.isInteger(attempts) && attempts > 0 ? { maxAttempts: attempts } : {}),
    log: (line) => io.err(line),
  };
};

/** A failed read of the live estate as the CLI reports it; anything else is a bug. */
const asCliError = (error: unknown): unknown => {
  if (!(error instanceof AwsCallError)) return error;

  const code = error.problem === "permission" ? ExitCode.notPermitted : ExitCode.awsUnavailable;
  return new CliError(`Could not read the live estate: ${error.message}`, code);
};
