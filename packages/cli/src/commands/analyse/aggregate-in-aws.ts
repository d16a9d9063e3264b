import {
  athenaEvidence,
  athenaQuery,
  FlowLogSourceError,
  insightsEvidence,
  parseAthenaTable,
  readAthenaTableLayout,
  type QueryClientOptions,
} from "@sg/aws-adapter";
import {
  describeLayoutError,
  parseLayout,
  type EvidenceEntry,
  type FlowLogLayout,
  type TimeWindow,
} from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { booleanFlag, integerFlag, requiredFlag, stringFlag } from "../../cli/flag-values.js";

/** Evidence aggregated by an AWS query engine, and where it came from. */
export interface AggregatedEvidence {
  readonly entries: readonly EvidenceEntry[];
  readonly location: string;
  /** What the engine did, in one line for the report. */
  readonly summary: string;
}

/**
 * Whether the command line asks for Athena or Logs Insights instead of reading logs. Flags
 * that belong to the other way of reading are refused here, so that nothing is silently
 * ignored.
 */
export const wantsAggregation = (flags: FlagValues): boolean => {
  const athena = stringFlag(flags, "athena-table") !== undefined;
  const insights = booleanFlag(flags, "insights");
  if (athena && insights) {
    throw usageError("sg-tightener analyse: give only one of --athena-table or --insights");
  }
  if (!athena) {
    const stray = ATHENA_ONLY.find((name) => flags[name] !== undefined);
    if (stray !== undefined) {
      throw usageError(`sg-tightener analyse: --${stray} applies only with --athena-table`);
    }
  }

  const readers = athena ? SOURCE_FLAGS : SOURCE_FLAGS.filter((name) => name !== "log-group");
  const mixed = readers.find((name) => flags[name] !== undefined);
  if ((athena || insights) && mixed !== undefined) {
    throw usageError(
      `sg-tightener analyse: --${athena ? "athena-table" : "insights"} aggregates in AWS ` +
        `and reads no logs itself: leave out --${mixed}`,
    );
  }
  return athena || insights;
};

const ATHENA_ONLY = ["athena-output", "athena-workgroup", "print-query"] as const;
const SOURCE_FLAGS = ["flow-logs", "log-group", "s3"] as const;

const clientOf = (flags: FlagValues): QueryClientOptions => {
  const region = stringFlag(flags, "region");
  const profile = stringFlag(flags, "profile");
  return {
    ...(region === undefined ? {} : { region }),
    ...(profile === undefined ? {} : { profile }),
  };
};

const failed = (error: unknown): never => {
  if (error instanceof FlowLogSourceError) throw inputError(error.message);
  throw error;
};

/** `--print-query`: prints the Athena query for the table and window, and runs nothing. */
export const printAthenaQuery = async (
  flags: FlagValues,
  window: TimeWindow,
  io: ConsoleIo,
): Promise<void> => {
  const { table, tableText } = athenaTable(flags);
  const client = clientOf(flags);
  const layout = await readAthenaTableLayout({ client, table: tableText }).catch(failed);
  io.out(athenaQuery(table, window, layout));
};

const athenaTable = (flags: FlagValues) => {
  const tableText = requiredFlag(flags, "athena-table", "analyse");
  const table = parseAthenaTable(tableText);
  if (!table.ok) throw usageError(`--athena-table "${tableText}": ${table.error}`);
  return { table: table.value, tableText };
};

/**
 * Runs the distinct-tuple aggregation for `window` in Amazon Athena (`--athena-table`) or
 * CloudWatch Logs Insights (`--insights` with `--log-group`), giving the same entries as
 * reading the raw logs.
 */
export const aggregateInAws = async (
  flags: FlagValues,
  window: TimeWindow,
  io: ConsoleIo,
): Promise<AggregatedEvidence> => {
  const client = clientOf(flags);
  if (stringFlag(flags, "athena-table") === undefined) return insights(flags, window, client, io);
  const { tableText } = athenaTable(flags);

  const output = requiredFlag(flags, "athena-output", "analyse");
  if (!output.startsWith("s3://")) {
    throw usageError(`--athena-output "${output}" is not an S3 URL (s3://BUCKET/PREFIX/)`);
  }
  const workgroup = stringFlag(flags, "athena-workgroup");
  const result = await athenaEvidence({
    client,
    table: tableText,
    output,
    ...(workgroup === undefined ? {} : { workgroup }),
    window,
    onStarted: (id) => io.status(`analyse: Athena query ${id} running`),
  }).catch(failed);
  return {
    entries: result.entries,
    location: `athena:${tableText}`,
    summary: `Athena query ${result.queryExecutionId} scanned ${result.scannedBytes} bytes.`,
  };
};

const insights = async (
  flags: FlagValues,
  window: TimeWindow,
  client: QueryClientOptions,
  io: ConsoleIo,
): Promise<AggregatedEvidence> => {
  const logGroup = requiredFlag(flags, "log-group", "analyse");
  const format = stringFlag(flags, "log-format");
  const layout = format === undefined ? undefined : layoutOf(format);
  const result = await insightsEvidence({
    client,
    logGroup,
    window,
    ...(layout === undefined ? {} : { layout }),
    concurrency: integerFlag(flags, "concurrency", 4, { min: 1, max: 30 }),
    onProgress: () => io.status(`analyse: Logs Insights queries running on ${logGroup}`),
  }).catch(failed);
  return {
    entries: result.entries,
    location: `insights:${logGroup}`,
    summary:
      `Logs Insights ran ${result.queries} ${result.queries === 1 ? "query" : "queries"} ` +
      `on ${logGroup}.`,
  };
};

const layoutOf = (format: string): FlowLogLayout => {
  const layout = parseLayout(format);
  if (!layout.ok) throw usageError(`--log-format: ${describeLayoutError(layout.error)}`);
  return layout.value;
};
