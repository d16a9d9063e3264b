/** A column or partition key as the Glue Data Catalog describes it. */
export interface AthenaColumnSeed {
  readonly Name: string;
  /** The Hive type name: `string`, `int`, `bigint`, `date`, … */
  readonly Type: string;
}

/**
 * One table a test registers: what GetTableMetadata reports about it, and the canned result
 * every query naming it returns. The emulator runs no SQL; it records the query text so a
 * test can assert what was asked, and answers with the rows it was given.
 */
export interface AthenaTableSeed {
  readonly columns: readonly AthenaColumnSeed[];
  readonly partitionKeys?: readonly AthenaColumnSeed[];
  /** Table properties, such as the `projection.*` settings of partition projection. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The result's column names, served as the first row of the first page. */
  readonly resultColumns: readonly string[];
  /** The result rows, each value as Athena's VarCharValue; `null` is served as no value. */
  readonly resultRows: readonly (readonly (string | null)[])[];
  /** What Statistics.DataScannedInBytes reports once the query succeeded (default 0). */
  readonly scannedBytes?: number;
}

/** A query the emulator was asked to start, as it arrived. */
export interface AthenaQueryRecord {
  readonly queryExecutionId: string;
  readonly query: string;
  readonly database?: string;
  readonly catalog?: string;
  readonly workGroup?: string;
  readonly outputLocation?: string;
}

/** How the emulated Athena paces and pages its answers. */
export interface AthenaPacing {
  /** The most rows one GetQueryResults page holds, whatever MaxResults asks (default 1000). */
  readonly pageSize?: number;
  /** GetQueryExecution polls answered QUEUED before RUNNING (default 1). */
  readonly queuedPolls?: number;
  /** GetQueryExecution polls answered RUNNING before the query ends (default 2). */
  readonly runningPolls?: number;
}

/**
 * The emulated Amazon Athena (JSON 1.1, `X-Amz-Target: AmazonAthena.<Op>`): GetTableMetadata,
 * StartQueryExecution, GetQueryExecution, GetQueryResults and StopQueryExecution over tables
 * a test registers, so adapter tests drive the real Athena client through polling, paging
 * and failures.
 */
export interface AthenaEmulation {
  /** Registers (or replaces) `database.table` in the AwsDataCatalog. */
  registerTable(name: string, seed: AthenaTableSeed): void;
  /** Changes paging and the number of polls a query spends queued and running. */
  pace(pacing: AthenaPacing): void;
  /** Makes the next `times` queries end FAILED with `reason` as their StateChangeReason. */
  failQueries(reason: string, times?: number): void;
  /** Every query started so far, in arrival order (a live view). */
  readonly queries: readonly AthenaQueryRecord[];
}
