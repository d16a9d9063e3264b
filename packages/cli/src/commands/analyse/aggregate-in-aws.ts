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

/** Whether the command line asks for Athena or Logs Insights instead of reading logs. */
export const wantsAggregation = (flags: FlagValues): boolean =>
  stringFlag(flags, "athena-table") !== undefined || booleanFlag(flags, "insights");

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

/**
 * Runs the distinct-tuple aggregation for `window` in Amazon Athena (`--athena-table`) or
 * CloudWatch Logs Insights (`--insights` with `--log-group`), giving the same entries as
 * reading the raw logs. With `--print-query` it prints the Athena query and runs nothing
 * (returns `undefined`).
 */
export const aggregateInAws = async (
  flags: FlagValues,
  window: TimeWindow,
  io: ConsoleIo,
): Promise<AggregatedEvidence | undefined> => {
  const client = clientOf(flags);
  const tableText = stringFlag(flags, "athena-table");
  if (tableText === undefined) return insights(flags, window, client, io);

  const table = parseAthenaTable(tableText);
  if (!table.ok) throw usageError(`--athena-table "${tableText}": ${table.error}`);
  if (booleanFlag(flags, "print-query")) {
    const layout = await readAthenaTableLayout({ client, table: tableText }).catch(failed);
    io.out(athenaQuery(table.value, window, layout));
    return undefined;
  }

  const workgroup = stringFlag(flags, "athena-workgroup");
  const result = await athenaEvidence({
    client,
    table: tableText,
    output: requiredFlag(flags, "athena-output", "analyse"),
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
    summary: `Logs Insights ran ${result.queries} queries on ${logGroup}.`,
  };
};

const layoutOf = (format: string): FlowLogLayout => {
  const layout = parseLayout(format);
  if (!layout.ok) throw usageError(`--log-format: ${describeLayoutError(layout.error)}`);
  return layout.value;
};
