import { mergeEvidence, type EvidenceEntry, type TimeWindow } from "@sg/core";
import { FlowLogSourceError } from "../flow-logs/flow-log-source-error.js";
import { athenaQuery } from "./athena-query.js";
import type { AthenaTableLayout } from "./athena-table-layout.js";
import { athenaClientFor } from "./internal/athena-client.js";
import { entriesOfRows, headerProblem } from "./internal/athena-rows.js";
import { awaitQuery, resultPages, startQuery } from "./internal/athena-run.js";
import type { PollPacing, QueryClientOptions } from "./query-client-options.js";
import { athenaTableOf, describeTable } from "./internal/describe-table.js";
import { DEFAULT_CATALOG } from "./read-athena-table-layout.js";

/** Which table to aggregate, where Athena writes its result, and the window. */
export interface AthenaEvidenceOptions {
  readonly client: QueryClientOptions;
  /** `DATABASE.TABLE` of a flow-log table in AWS's documented layout. */
  readonly table: string;
  /** Where Athena writes the result file: `s3://bucket/prefix/`. */
  readonly output: string;
  /** The workgroup to run in; Athena's `primary` when absent. */
  readonly workgroup?: string;
  /** The data catalog (default `AwsDataCatalog`). */
  readonly catalog?: string;
  /** The evidence window, Unix seconds, both ends included. */
  readonly window: TimeWindow;
  /** The table's layout when known; otherwise read with GetTableMetadata. */
  readonly layout?: AthenaTableLayout;
  readonly poll?: PollPacing;
  /** Told the execution id once the query started, for progress lines. */
  readonly onStarted?: (queryExecutionId: string) => void;
}

/** What an Athena aggregation produced, with what it ran and what it cost. */
export interface AthenaEvidence {
  /** The evidence, one entry per tuple, in canonical order. */
  readonly entries: EvidenceEntry[];
  /** The SQL that ran. */
  readonly query: string;
  readonly queryExecutionId: string;
  /** Bytes Athena scanned (what it bills for). */
  readonly scannedBytes: number;
  /** The table layout the query was built for. */
  readonly layout: AthenaTableLayout;
}

/**
 * Pushes the evidence aggregation for a window into Amazon Athena: reads the table's
 * layout (unless given), runs {@link athenaQuery} in the workgroup with the result written
 * under `output`, polls it with backoff until it ends, and pages through its result
 * (1,000 rows a page) into the same evidence `analyse --flow-logs` would read from the
 * table's files. Rejects with a `FlowLogSourceError` naming the table when a call fails,
 * when the query ends FAILED or CANCELLED (quoting Athena's reason), or when a result row
 * is not a valid entry (quoting the row).
 */
export const athenaEvidence = async (options: AthenaEvidenceOptions): Promise<AthenaEvidence> => {
  const table = athenaTableOf(options.table);
  const location = `${table.database}.${table.table}`;
  if (!options.output.startsWith("s3://")) {
    throw new RangeError(
      `Athena output "${options.output}" is not an S3 URI (s3://bucket/prefix/)`,
    );
  }
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const client = athenaClientFor(options.client);

  try {
    const layout = options.layout ?? (await describeTable(client, table, catalog));
    const query = athenaQuery(table, options.window, layout);
    const queryExecutionId = await startQuery(client, {
      query,
      database: table.database,
      catalog,
      output: options.output,
      location,
      ...(options.workgroup === undefined ? {} : { workgroup: options.workgroup }),
    });
    options.onStarted?.(queryExecutionId);

    const execution = await awaitQuery(client, queryExecutionId, location, options.poll);
    const entries = await readEntries(client, queryExecutionId, location);
    const scannedBytes = execution.Statistics?.DataScannedInBytes ?? 0;
    return { entries: mergeEvidence(entries), query, queryExecutionId, scannedBytes, layout };
  } finally {
    client.destroy();
  }
};

const readEntries = async (
  client: Parameters<typeof resultPages>[0],
  id: string,
  location: string,
): Promise<EvidenceEntry[]> => {
  const entries: EvidenceEntry[] = [];
  let first = true;
  for await (const page of resultPages(client, id, location)) {
    const rows = first ? page.slice(1) : page;
    if (first) {
      const problem = headerProblem(page[0]);
      if (problem !== undefined) {
        throw new FlowLogSourceError(location, "corrupt", `Athena query ${id}: ${problem}`);
      }
    }

    const read = entriesOfRows(rows, entries.length + 1);
    if (!read.ok) {
      throw new FlowLogSourceError(location, "corrupt", `Athena query ${id}: ${read.error}`);
    }
    entries.push(...read.value);
    first = false;
  }
  return entries;
};
