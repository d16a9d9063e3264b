import { FlowLogSourceError, type FlowLogSource, type LiveReadListener } from "@sg/aws-adapter";
import type { RejectWindow, SubnetNacl } from "@sg/core";
import { inputError, usageError } from "../cli/cli-error.js";
import type { FlagValues } from "../cli/command.js";
import type { ConsoleIo } from "../cli/console-io.js";
import { stringFlag } from "../cli/flag-values.js";
import type { CommandEstate } from "../estate/command-estate.js";
import { openEstateFromFlags, type EstateScope } from "../estate/estate-from-flags.js";
import { formatBytes, formatCount } from "../report/numbers.js";
import {
  chooseFlowLogSource,
  flowLogSourceKind,
  type ChosenSource,
} from "./flow-log-source-choice.js";
import { naclsOf } from "./nacls-of.js";

const HOUR = 3_600;

/** What diagnose and extend read: the REJECTs' window, the flow logs, the estate, its NACLs. */
export interface RejectSources {
  /** The window to gather REJECTs in: fixed, or the hours up to the newest record read. */
  readonly span: RejectWindow;
  readonly flowLogs: FlowLogSource;
  readonly estate: CommandEstate;
  /** The network ACLs, or `undefined` when an exported estate does not record them. */
  readonly nacls: () => Promise<readonly SubnetNacl[] | undefined>;
}

/** How far back to read: `hours` up to `now`, or up to the newest record without it. */
export interface RejectSpan {
  readonly hours: number;
  /** `--now`, in Unix seconds, when given. */
  readonly now: number | undefined;
}

/**
 * Opens what diagnose and extend read, offline or live, never a mix: flow-log files
 * (`--flow-logs`) with an exported estate (`--estate DIR`, NACLs from network-acls.json),
 * or a log group (`--log-group`) or S3 prefix (`--s3`) with the live account's estate
 * (`--region`, `--profile`; NACLs from DescribeNetworkAcls). Without `now`, files are read
 * up to their newest record; a live source reads only its window, so that window ends at
 * the clock. `--groups` alone does not narrow the read, since an interface's other groups
 * decide what is already admitted; `scope` reaches the estate (extend's rule tags, and its
 * groups read with their neighbours). A live read that fails is an input error.
 */
export const openRejectSources = async (
  command: string,
  flags: FlagValues,
  io: ConsoleIo,
  { hours, now }: RejectSpan,
  scope: EstateScope = {},
): Promise<RejectSources> => {
  const span = spanOf(command, flags, io, hours, now);
  const window = span.kind === "fixed" ? span.window : undefined;
  const chosen = chooseFlowLogSource(command, flags, window, io, liveProgress(command, io));

  const { groups: _groups, ...estateFlags } = flags;
  const estate = await openEstateFromFlags(estateFlags, io, command, scope).catch(
    (error: unknown) => {
      chosen.close();
      throw error;
    },
  );
  return {
    span,
    flowLogs: chosen.kind === "flow-logs" ? chosen.source : readOnce(chosen),
    estate,
    nacls: async () => {
      const acls = await estate.readNetworkAcls();
      return acls === undefined ? undefined : naclsOf(acls);
    },
  };
};

/** The window to read, after checking that the sources are both offline or both live. */
const spanOf = (
  command: string,
  flags: FlagValues,
  io: ConsoleIo,
  hours: number,
  now: number | undefined,
): RejectWindow => {
  const live = flowLogSourceKind(command, flags) !== "flow-logs";
  const exported = stringFlag(flags, "estate") !== undefined;
  if (!live && !exported) {
    throw usageError(
      `sg-tightener ${command}: --flow-logs reads exported flow logs, against an exported ` +
        "estate: give --estate DIR (or read the live account with --log-group or --s3)",
    );
  }
  if (live && exported) {
    throw usageError(
      `sg-tightener ${command}: --log-group and --s3 read the live account, estate included: ` +
        "leave out --estate DIR (or read exported flow logs with --flow-logs)",
    );
  }

  const end = now ?? (live ? Math.floor(io.now().getTime() / 1000) : undefined);
  return end === undefined
    ? { kind: "trailing", seconds: hours * HOUR }
    : { kind: "fixed", window: { from: end - hours * HOUR, to: end } };
};

/** The one-line progress of a live read: slices or objects done, bytes fetched. */
const liveProgress =
  (command: string, io: ConsoleIo): LiveReadListener =>
  ({ done, known, unit, bytes }) =>
    io.status(
      `${command}: ${formatCount(done)}/${formatCount(known)} ${unit}, ${formatBytes(bytes)}`,
    );

/**
 * A live source read once: a failed read becomes an input error naming the log group,
 * prefix or object, and the AWS client is released when the read ends.
 */
const readOnce = (chosen: ChosenSource): FlowLogSource => ({
  describe: () => chosen.source.describe(),
  lines: async function* () {
    try {
      yield* chosen.source.lines();
    } catch (error) {
      if (error instanceof FlowLogSourceError) throw inputError(error.message);
      throw error;
    } finally {
      chosen.close();
    }
  },
});
