import { basename, join } from "node:path";
import { LocalFileError } from "@sg/aws-adapter";
import { DEFAULT_MAX_GROUPS, planExtension } from "@sg/core";
import { CliError, inputError, usageError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import {
  booleanFlag,
  integerFlag,
  listFlag,
  stringFlag,
  timeFlag,
  toleranceFlag,
} from "../../cli/flag-values.js";
import { manifestFileName } from "../../artefacts/manifest.js";
import { applyChanges } from "../../changes/apply-changes.js";
import { Journal } from "../../changes/journal.js";
import { extensionRecordOf } from "../../evidence/extension-record.js";
import { readRejects } from "../../evidence/read-rejects.js";
import { formatCount, formatTime } from "../../report/numbers.js";
import { EXTEND_FLAGS } from "./extend-flags.js";
import { extendReport, refusalOf } from "./extend-report.js";
import { extendSources } from "./extend-sources.js";

/** The tag on every rule extend adds live: the manifest's file name, to trace the run. */
const EXTEND_TAG = "sg-tightener:extend";

/** `sg-tightener extend`: break-glass, strictly additive rules for what is being REJECTed. */
export const extendCommand: Command = {
  name: "extend",
  summary: "break-glass: authorise what is being REJECTed, strictly additively, with a manifest",
  synopsis: [
    "sg-tightener extend --flow-logs PATH... --estate DIR [--groups sg-a,sg-b] [--hours 24] " +
      "[--now ISO] [--tolerance 0.5] [--ports 443,5432] [--max-groups 20] " +
      "[--include-public --ip-ranges FILE [--no-aws-summarise]] [--dry-run] [--manifest-dir DIR]",
    "sg-tightener extend --log-group NAME [--log-format FORMAT] [--region R] [--profile P] " +
      "[--groups sg-a,sg-b] [--hours 24] [--tolerance 0.5] [--ports 443,5432] " +
      "[--include-public [--ip-ranges FILE|URL]] … (as above)",
    "sg-tightener extend --s3 s3://BUCKET/PREFIX [--accounts IDS] [--regions RS] " +
      "[--region R] [--profile P] [--groups sg-a,sg-b] [--hours 24] … (as above)",
  ],
  flags: EXTEND_FLAGS,
  details: [
    "Reads the REJECTed connection attempts in the window whose source no current rule of " +
      "the destination interface's groups admits, and authorises rules for them; it never " +
      "revokes. Each flow goes only to the groups of the interface that saw it (those " +
      "already serving its port when some do). Private sources are collapsed per group, " +
      "protocol and port with the plan's layers at --tolerance, never past their RFC 1918 " +
      "block; each group gets at most the rules its quota leaves free, busiest first, and is " +
      "told to run compact when that is not enough. Attempts the subnet's NACL denies are " +
      "reported, not admitted.",
    "With --include-public, public sources are classified against AWS's ip-ranges.json, " +
      "read from --ip-ranges FILE or URL or, live only, downloaded fresh from " +
      "https://ip-ranges.amazonaws.com/ip-ranges.json (TLS verified, 30 s at most; a failed " +
      "download is exit 3; offline nothing is downloaded). Inside a managed service's " +
      "prefix (Route 53 health checks, …) the prefix is admitted once, described with its " +
      "service and Region; EC2 space and addresses outside AWS are admitted as /32s; space " +
      "listed only under AMAZON is never admitted. --no-aws-summarise admits every public " +
      "source as a /32.",
    "Writes a manifest like apply's: 'sg-tightener revert --manifest FILE' undoes it, and " +
      "folding it into the evidence base keeps what it opened through the next plan. " +
      "Live, each new rule is tagged sg-tightener:extend=<manifest file name>. " +
      "Exit code 11: refused, more groups than --max-groups would change.",
    "Offline, --flow-logs goes with --estate DIR. Live, --log-group or --s3 names the flow " +
      "logs, read for the window only (ending now without --now), and the account's groups, " +
      "interfaces and network ACLs are read, and the rules authorised, with the default " +
      "credential chain (or --profile) in --region; AWS_ENDPOINT_URL and " +
      "AWS_ENDPOINT_URL_<SERVICE> are honoured. Live with --groups, only those groups, the " +
      "other groups of their interfaces and the interfaces of groups their rules reference " +
      "are read: all that decides what is already admitted. The IAM policy is " +
      "docs/iam/extend.json.",
  ],
  run: async (flags, _positionals, io) => extend(flags, io),
};

const portsOf = (flags: FlagValues): number[] | undefined => {
  const texts = listFlag(flags, "ports");
  if (flags.ports === undefined) return undefined;

  const bad = texts.find((text) => !/^\d{1,5}$/.test(text) || Number(text) > 65535);
  if (bad !== undefined || texts.length === 0) {
    throw usageError(`--ports "${bad ?? ""}" is not a port number from 0 to 65535`);
  }
  return [...new Set(texts.map(Number))];
};

const extend = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const hours = integerFlag(flags, "hours", 24, { min: 1, max: 24 * 3650 });
  const now = timeFlag(flags, "now");
  const tolerance = toleranceFlag(flags, "tolerance", 50);
  const ports = portsOf(flags);
  const maxGroups = integerFlag(flags, "max-groups", DEFAULT_MAX_GROUPS, { min: 1, max: 10000 });
  const includePublic = booleanFlag(flags, "include-public");
  for (const name of ["ip-ranges", "no-aws-summarise"]) {
    if (flags[name] !== undefined && !includePublic) {
      throw usageError(`sg-tightener extend: --${name} applies only with --include-public`);
    }
  }

  const groupIds = listFlag(flags, "groups");
  const startedAt = Math.floor(io.now().getTime() / 1000);
  const manifestDir = stringFlag(flags, "manifest-dir") ?? ".";
  const manifestPath = join(manifestDir, manifestFileName("extend-manifest", startedAt));
  const sources = await extendSources(
    flags,
    io,
    { hours, now },
    {
      ...(groupIds.length === 0 ? {} : { groupIds, neighbours: true }),
      ruleTags: { [EXTEND_TAG]: basename(manifestPath) },
    },
  );
  const reading = await readRejects(sources.flowLogs, sources.span, (records) =>
    io.status(`extend: ${formatCount(records)} records read`),
  ).catch((error: unknown) => {
    if (error instanceof LocalFileError) throw inputError(error.message);
    throw error;
  });
  if (reading.window === undefined) {
    throw inputError(`sg-tightener extend: no flow-log records in ${sources.flowLogs.describe()}`);
  }

  const inventory = await sources.estate.read();
  const unknown = groupIds.filter((id) => !inventory.groups.some((g) => g.groupId === id));
  if (unknown.length > 0) {
    throw inputError(
      `sg-tightener extend: --groups names ${unknown.join(", ")}, not a group of ` +
        `${sources.estate.describe()}; nothing was written`,
    );
  }

  const nacls = await sources.nacls();
  const extension = planExtension(inventory, reading.attempts, {
    tolerance,
    maxGroups,
    label: formatTime(startedAt),
    ...(groupIds.length === 0 ? {} : { groupIds }),
    ...(ports === undefined ? {} : { ports }),
    ...(nacls === undefined ? {} : { nacls }),
    ...(sources.ipRanges === undefined
      ? {}
      : {
          publicSources: {
            ipRanges: sources.ipRanges,
            summarise: !booleanFlag(flags, "no-aws-summarise"),
          },
        }),
  });
  if (extension.outcome === "refused") {
    throw new CliError(refusalOf(extension).join("\n"), ExitCode.ceilingExceeded);
  }

  for (const line of extendReport(extension, reading.window)) io.out(line);
  if (extension.groups.length === 0) return ExitCode.ok;
  if (booleanFlag(flags, "dry-run")) {
    io.out("Dry run: nothing was written.");
    return ExitCode.ok;
  }

  const journal = new Journal(manifestPath, {
    command: "extend",
    estate: sources.estate.describe(),
    startedAt,
    extension: extensionRecordOf(extension, reading.window, tolerance),
  });
  const outcome = await applyChanges(
    sources.estate,
    extension.groups.map((group) => ({
      groupId: group.groupId,
      steps: [{ authorise: group.authorise, revoke: [] }],
    })),
    journal,
    (done, total) => io.status(`extend: ${done}/${total} groups`),
  );
  const finishedAt = Math.floor(io.now().getTime() / 1000);
  const revert = sources.estate.commandLine(`sg-tightener revert --manifest ${manifestPath}`);

  if (outcome.kind === "halted") {
    await journal.finish(finishedAt, { groupId: outcome.groupId, message: outcome.message });
    io.err(`extend halted at ${outcome.groupId}: ${outcome.message}`);
    io.err(`${outcome.groups} groups were extended before it and stay extended.`);
    io.err(`Manifest: ${manifestPath}`);
    io.err(`To undo every change: ${revert}`);
    return ExitCode.halted;
  }

  await journal.finish(finishedAt);
  const added = extension.groups.reduce((sum, group) => sum + group.authorise.length, 0);
  io.out(`Authorised ${added} rules in ${extension.groups.length} groups; nothing was revoked.`);
  io.out(`Manifest: ${manifestPath}`);
  io.out(`To undo: ${revert}`);
  io.out(
    "Fold this manifest into the evidence base before the next plan, so tightening keeps " +
      "what extend opened.",
  );
  return ExitCode.ok;
};
