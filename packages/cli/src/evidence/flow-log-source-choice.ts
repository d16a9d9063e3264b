import {
  CloudWatchLogsSource,
  FlowLogFiles,
  S3FlowLogSource,
  DEFAULT_CONCURRENCY,
  cloudWatchLogsClientFor,
  formatS3Location,
  parseS3Location,
  s3ClientFor,
  type FlowLogClientOptions,
  type FlowLogSource,
  type LiveReadListener,
} from "@sg/aws-adapter";
import { describeLayoutError, parseLayout, type TimeWindow } from "@sg/core";
import { usageError } from "../cli/cli-error.js";
import type { FlagValues } from "../cli/command.js";
import type { ConsoleIo } from "../cli/console-io.js";
import { integerFlag, listFlag, stringFlag } from "../cli/flag-values.js";

const SOURCE_FLAGS = ["flow-logs", "log-group", "s3"] as const;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** The flag that names a flow-log source: files on disk, a log group, or an S3 prefix. */
export type FlowLogSourceKind = (typeof SOURCE_FLAGS)[number];

/** What a finished read went through, for the summary: files, objects or slices. */
export interface SourceTally {
  readonly unit: "files" | "objects" | "slices";
  readonly count: number;
  readonly bytes: number;
  /** Files and day folders left unread because they lie outside the window. */
  readonly skipped: number;
}

/** The flow-log source a run reads, and what to record and report about it. */
export interface ChosenSource {
  readonly source: FlowLogSource;
  readonly kind: FlowLogSourceKind;
  /** Where the evidence came from, one per origin of the evidence base. */
  readonly origins: readonly string[];
  tally(): SourceTally;
  /** Releases the AWS client's connections, if any. */
  close(): void;
}

/**
 * Which source the command line names: exactly one of `--flow-logs PATH...`,
 * `--log-group NAME` or `--s3 URL`, with the flags that only make sense for it
 * (`--log-format` for a log group, `--accounts`/`--regions` for S3) checked here, so a
 * mistake is a usage error, naming `command`, before anything is opened.
 */
export const flowLogSourceKind = (command: string, flags: FlagValues): FlowLogSourceKind => {
  const given = SOURCE_FLAGS.filter((name) => flags[name] !== undefined);
  const [kind] = given;
  if (kind === undefined || given.length !== 1) {
    const which = given.length === 0 ? "one of" : "only one of";
    throw usageError(`sg-tightener ${command}: give ${which} --flow-logs, --log-group or --s3`);
  }

  refuseStray(command, flags, "log-format", kind === "log-group", "--log-group");
  refuseStray(command, flags, "accounts", kind === "s3", "--s3");
  refuseStray(command, flags, "regions", kind === "s3", "--s3");
  return kind;
};

/**
 * Picks the flow-log source from the command line (see {@link flowLogSourceKind}) and
 * opens it for `window`. A live source reads only the window, so it must be known; flow-log
 * files may be read whole (`window` undefined) when the window ends at the newest record.
 * Usage errors name `command`.
 */
export const chooseFlowLogSource = (
  command: string,
  flags: FlagValues,
  window: TimeWindow | undefined,
  io: ConsoleIo,
  onProgress: LiveReadListener,
): ChosenSource => {
  const kind = flowLogSourceKind(command, flags);
  const concurrency = integerFlag(flags, "concurrency", DEFAULT_CONCURRENCY, { min: 1, max: 64 });
  if (kind === "flow-logs") return filesSource(command, flags, window);
  if (window === undefined) {
    throw new RangeError(`--${kind} is read live: its window must be known before reading`);
  }

  const live: LiveChoice = {
    command,
    flags,
    window,
    onProgress,
    concurrency,
    clientOptions: {
      ...definedOnly({
        region: stringFlag(flags, "region"),
        profile: stringFlag(flags, "profile"),
      }),
      env: io.env,
    },
  };
  return kind === "log-group" ? logGroupSource(live) : s3Source(live);
};

interface LiveChoice {
  readonly command: string;
  readonly flags: FlagValues;
  readonly window: TimeWindow;
  readonly onProgress: LiveReadListener;
  readonly concurrency: number;
  readonly clientOptions: FlowLogClientOptions;
}

const logGroupSource = ({
  command,
  flags,
  clientOptions,
  ...options
}: LiveChoice): ChosenSource => {
  const logGroup = stringFlag(flags, "log-group") ?? "";
  if (logGroup === "") throw usageError(`sg-tightener ${command}: --log-group needs a name`);
  const layout = layoutFlag(command, flags);

  const client = cloudWatchLogsClientFor(clientOptions);
  const source = new CloudWatchLogsSource({
    client,
    logGroup,
    ...options,
    ...(layout === undefined ? {} : { layout }),
  });
  const tally = (): SourceTally => ({ unit: "slices", ...countsOf(source.progress()) });
  return { source, kind: "log-group", origins: [logGroup], tally, close: () => client.destroy() };
};

const s3Source = ({ command, flags, clientOptions, ...options }: LiveChoice): ChosenSource => {
  const location = parseS3Location(stringFlag(flags, "s3") ?? "");
  if (!location.ok) throw usageError(`sg-tightener ${command}: --s3 ${location.error}`);
  const accounts = checkedList(command, flags, "accounts", ACCOUNT, "a 12-digit account id");
  const regions = checkedList(command, flags, "regions", REGION, "a Region name such as eu-west-1");

  const client = s3ClientFor(clientOptions);
  const source = new S3FlowLogSource({
    client,
    location: location.value,
    ...options,
    ...(accounts === undefined ? {} : { accounts }),
    ...(regions === undefined ? {} : { regions }),
  });
  const tally = (): SourceTally => ({ unit: "objects", ...countsOf(source.progress()) });
  const origins = [formatS3Location(location.value)];
  return { source, kind: "s3", origins, tally, close: () => client.destroy() };
};

const filesSource = (
  command: string,
  flags: FlagValues,
  window: TimeWindow | undefined,
): ChosenSource => {
  const paths = listFlag(flags, "flow-logs");
  if (paths.length === 0) throw usageError(`sg-tightener ${command}: --flow-logs needs a path`);

  const files = new FlowLogFiles(paths, window === undefined ? {} : { window });
  const tally = (): SourceTally => {
    const { files: count, bytes, skippedFiles, skippedFolders } = files.stats();
    return { unit: "files", count, bytes, skipped: skippedFiles + skippedFolders };
  };
  return { source: files, kind: "flow-logs", origins: paths, tally, close: () => undefined };
};

const refuseStray = (
  command: string,
  flags: FlagValues,
  name: string,
  allowed: boolean,
  owner: string,
): void => {
  if (flags[name] !== undefined && !allowed) {
    throw usageError(`sg-tightener ${command}: --${name} applies only with ${owner}`);
  }
};

const layoutFlag = (command: string, flags: FlagValues) => {
  const format = stringFlag(flags, "log-format");
  if (format === undefined) return undefined;

  const parsed = parseLayout(format);
  if (!parsed.ok) {
    throw usageError(`sg-tightener ${command}: --log-format: ${describeLayoutError(parsed.error)}`);
  }
  return parsed.value;
};

const checkedList = (
  command: string,
  flags: FlagValues,
  name: string,
  shape: RegExp,
  expected: string,
): string[] | undefined => {
  if (flags[name] === undefined) return undefined;

  const values = listFlag(flags, name);
  const bad = values.find((value) => !shape.test(value));
  if (bad !== undefined || values.length === 0) {
    throw usageError(`sg-tightener ${command}: --${name} "${bad ?? ""}" is not ${expected}`);
  }
  return [...new Set(values)].sort();
};

const countsOf = (progress: { done: number; bytes: number }) => ({
  count: progress.done,
  bytes: progress.bytes,
  skipped: 0,
});

const definedOnly = <T extends Record<string, string | undefined>>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: string;
  };
