/**
 * One log event as a Logs Insights query sees it after its `parse` and `filter` commands:
 * its time and the fields the query's `stats` command groups and aggregates.
 */
export interface InsightsRowSeed {
  /** The event's `@timestamp`, in milliseconds since the epoch. */
  readonly timestamp: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** A query the emulator was asked to start, as it arrived. */
export interface InsightsQueryRecord {
  readonly queryId: string;
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  /** The time range asked for, in seconds since the epoch, both ends included. */
  readonly startTime: number;
  readonly endTime: number;
  readonly limit?: number;
}

/** How the emulated Logs Insights caps and paces its answers. */
export interface InsightsPacing {
  /** The most rows a query returns when StartQuery sets no lower `limit` (default 10,000). */
  readonly resultCap?: number;
  /** GetQueryResults polls answered Running before the query completes (default 1). */
  readonly runningPolls?: number;
  /** Queries that may run at once before StartQuery fails (AWS's default: 30). */
  readonly concurrencyLimit?: number;
}

/** How a query the test makes fail ends. */
export type InsightsFailure = "Failed" | "Cancelled" | "Timeout";

/**
 * The emulated CloudWatch Logs Insights: StartQuery, GetQueryResults and StopQuery over rows
 * a test registers per log group. A query answers with its `stats` command (`count(*)`,
 * `min`, `max`, `sum` `as` aliases, `by` fields with optional aliases) applied to the rows
 * whose timestamp lies in the query's time range, capped at its limit; `parse` and `filter`
 * commands are recorded, not run, because the registered rows stand for what they select.
 */
export interface InsightsEmulation {
  /** Adds rows to a log group (creating it for Insights). */
  register(logGroupName: string, rows: readonly InsightsRowSeed[]): void;
  /** Changes the result cap, the polls a query spends running and the concurrency limit. */
  pace(pacing: InsightsPacing): void;
  /**
   * Makes the `nth` query started from now on (1 = the next) end with `status` at its first
   * poll, as a query that cannot run fails at once, instead of completing.
   */
  failQuery(status: InsightsFailure, nth?: number): void;
  /** Every query started so far, in arrival order (a live view). */
  readonly queries: readonly InsightsQueryRecord[];
  /** The most queries that were running at once. */
  readonly peakConcurrency: number;
}
