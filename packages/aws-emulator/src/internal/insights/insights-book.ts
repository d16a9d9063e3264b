import type {
  InsightsEmulation,
  InsightsFailure,
  InsightsPacing,
  InsightsQueryRecord,
  InsightsRowSeed,
} from "../../insights-emulation.js";
import type { ResultRow } from "./stats-command.js";

/** What GetQueryResults reports for a query now. */
export interface QueryProgress {
  readonly status: "Running" | "Complete" | InsightsFailure;
  readonly results: readonly ResultRow[];
  readonly matched: number;
}

interface RunningQuery {
  readonly results: readonly ResultRow[];
  readonly matched: number;
  readonly failure: InsightsFailure | undefined;
  polls: number;
  final: QueryProgress["status"] | undefined;
}

const idOf = (n: number): string => `1a5e1a5e-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * The emulated Logs Insights' state: registered rows per log group, started queries and
 * the test's knobs. A query counts as running from StartQuery until a GetQueryResults poll
 * sees it end, or StopQuery cancels it; that count is what the concurrency limit checks.
 */
export class InsightsBook implements InsightsEmulation {
  readonly queries: InsightsQueryRecord[] = [];
  peakConcurrency = 0;
  private readonly groups = new Map<string, InsightsRowSeed[]>();
  private readonly started = new Map<string, RunningQuery>();
  private readonly failures = new Map<number, InsightsFailure>();
  private running = 0;
  private pacing: Required<InsightsPacing> = {
    resultCap: 10_000,
    runningPolls: 1,
    concurrencyLimit: 30,
  };

  register(logGroupName: string, rows: readonly InsightsRowSeed[]): void {
    this.groups.set(logGroupName, [...(this.groups.get(logGroupName) ?? []), ...rows]);
  }

  pace(pacing: InsightsPacing): void {
    this.pacing = { ...this.pacing, ...pacing };
  }

  failQuery(status: InsightsFailure, nth = 1): void {
    this.failures.set(this.queries.length + nth, status);
  }

  /** The rows of a log group registered for Insights, or `undefined` if none was. */
  rowsOf(logGroupName: string): readonly InsightsRowSeed[] | undefined {
    return this.groups.get(logGroupName);
  }

  /** The result cap in force. */
  get resultCap(): number {
    return this.pacing.resultCap;
  }

  /** Whether another query may start without passing the concurrency limit. */
  get full(): boolean {
    return this.running >= this.pacing.concurrencyLimit;
  }

  /** The concurrency limit in force. */
  get concurrencyLimit(): number {
    return this.pacing.concurrencyLimit;
  }

  /** Starts a query whose answer is already known, and returns its id. */
  start(
    request: Omit<InsightsQueryRecord, "queryId">,
    results: readonly ResultRow[],
    matched: number,
  ): string {
    const queryId = idOf(this.queries.length + 1);
    this.queries.push({ queryId, ...request });
    this.started.set(queryId, {
      results,
      matched,
      failure: this.failures.get(this.queries.length),
      polls: 0,
      final: undefined,
    });
    this.running += 1;
    this.peakConcurrency = Math.max(this.peakConcurrency, this.running);
    return queryId;
  }

  /** Whether a query with this id was started. */
  knows(queryId: string): boolean {
    return this.started.has(queryId);
  }

  /** Counts one poll of a query and says where it stands. */
  poll(queryId: string): QueryProgress {
    const query = this.started.get(queryId)!;
    query.polls += 1;
    if (query.final === undefined && query.failure !== undefined) this.end(query, query.failure);
    if (query.final === undefined && query.polls > this.pacing.runningPolls) {
      this.end(query, "Complete");
    }

    const status = query.final ?? "Running";
    const complete = status === "Complete";
    return {
      status,
      results: complete ? query.results : [],
      matched: complete ? query.matched : 0,
    };
  }

  /** Cancels a query that is still running; false when it had already ended. */
  stop(queryId: string): boolean {
    const query = this.started.get(queryId)!;
    if (query.final !== undefined) return false;
    this.end(query, "Cancelled");
    return true;
  }

  private end(query: RunningQuery, status: QueryProgress["status"]): void {
    query.final = status;
    this.running -= 1;
  }
}
