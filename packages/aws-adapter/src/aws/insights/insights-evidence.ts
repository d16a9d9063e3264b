import { logsSdk } from "../internal/sdk.js";
import {
  DEFAULT_LAYOUT,
  mergeEvidence,
  type EvidenceEntry,
  type FlowLogLayout,
  type TimeWindow,
} from "@sg/core";
import { queryClientConfig } from "../athena/internal/query-client-config.js";
import type { PollPacing, QueryClientOptions } from "../athena/query-client-options.js";
import { FlowLogSourceError } from "../flow-logs/flow-log-source-error.js";
import { insightsLayoutProblem, insightsSpan, type InsightsSlice } from "./insights-query.js";
import { entriesOfResults } from "./internal/insights-rows.js";
import { sliceRunner } from "./internal/slice-runner.js";
import { splitUntilUnderCap } from "./internal/split-slices.js";

/** Rows one query may return: Logs Insights' default and documented cap. */
export const INSIGHTS_ROW_CAP = 10_000;

/** Queries run at once when not set; AWS allows 30 per account, dashboards included. */
export const DEFAULT_INSIGHTS_CONCURRENCY = 4;

/** The most queries AWS lets one account run at once. */
export const MAX_INSIGHTS_CONCURRENCY = 30;

/** The shortest slice that is still split when it reaches the cap (seconds). */
export const DEFAULT_MIN_SLICE_SECONDS = 60;

/** Which log group to aggregate, for which window, and how hard to push Logs Insights. */
export interface InsightsEvidenceOptions {
  readonly client: QueryClientOptions;
  readonly logGroup: string;
  /** The evidence window, Unix seconds, both ends included. */
  readonly window: TimeWindow;
  /** The flow log's format; the default (version 2) format when absent. */
  readonly layout?: FlowLogLayout;
  /** Queries at once, 1-30 (default 4). */
  readonly concurrency?: number;
  /** Rows per query before a slice is split (default and AWS's maximum: 10,000). */
  readonly rowCap?: number;
  /** Slices this short are not split again; reaching the cap there fails (default 60). */
  readonly minSliceSeconds?: number;
  readonly poll?: PollPacing;
  /** Told after every query that completed: how many were started and completed so far. */
  readonly onProgress?: (progress: { readonly started: number; readonly done: number }) => void;
}

/** What a Logs Insights aggregation produced, and how many queries it took. */
export interface InsightsEvidence {
  /** The evidence, one entry per tuple, in canonical order. */
  readonly entries: EvidenceEntry[];
  /** Queries started, including those whose answer was dropped for reaching the cap. */
  readonly queries: number;
}

const checkedConcurrency = (concurrency: number): number => {
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_INSIGHTS_CONCURRENCY) {
    throw new RangeError(
      `Logs Insights concurrency ${concurrency} is not a whole number from 1 to ` +
        `${MAX_INSIGHTS_CONCURRENCY} (AWS runs at most ${MAX_INSIGHTS_CONCURRENCY} ` +
        "queries at once)",
    );
  }
  return concurrency;
};

/**
 * Runs the evidence aggregation for a window as CloudWatch Logs Insights queries over a
 * flow-log group ({@link insightsQuery}). The span from an hour before the window to its end
 * is queried whole; whenever a slice's result reaches the row cap it is split in two and
 * both halves are queried, down to `minSliceSeconds`, with at most `concurrency` queries
 * running at once. The slices' rows are merged (a tuple seen in several: earliest first
 * sighting, latest last, counts added) into the evidence `analyse --flow-logs` would read.
 * Rejects with a `FlowLogSourceError` naming the group when a call or a query fails, or a
 * minimum slice still reaches the cap; the queries still running are stopped first.
 */
export const insightsEvidence = async (
  options: InsightsEvidenceOptions,
): Promise<InsightsEvidence> => {
  const { logGroup, window } = options;
  const layout = options.layout ?? DEFAULT_LAYOUT;
  const problem = insightsLayoutProblem(layout);
  if (problem !== undefined) {
    throw new FlowLogSourceError(logGroup, "failed", `${logGroup}: ${problem}`);
  }
  const concurrency = checkedConcurrency(options.concurrency ?? DEFAULT_INSIGHTS_CONCURRENCY);
  const rowCap = options.rowCap ?? INSIGHTS_ROW_CAP;
  const client = new (logsSdk().CloudWatchLogsClient)(queryClientConfig(options.client));
  const runner = sliceRunner(client, {
    ...{ logGroup, window, layout, rowCap, concurrency },
    poll: options.poll,
    onProgress: options.onProgress,
  });

  try {
    const rows = await splitUntilUnderCap(insightsSpan(window), {
      query: runner.query,
      minSliceSeconds: options.minSliceSeconds ?? DEFAULT_MIN_SLICE_SECONDS,
      stuck: (slice) => runner.fail(stuckAt(logGroup, rowCap, slice)) as Error,
    });

    const entries = entriesOfResults(rows);
    if (!entries.ok) {
      throw new FlowLogSourceError(
        logGroup,
        "corrupt",
        `Logs Insights on ${logGroup}: ${entries.error}`,
      );
    }
    return { entries: mergeEvidence(entries.value), queries: runner.started() };
  } catch (error) {
    throw runner.firstFailure() ?? error;
  } finally {
    client.destroy();
  }
};

const stuckAt = (logGroup: string, rowCap: number, slice: InsightsSlice): Error =>
  new FlowLogSourceError(
    logGroup,
    "failed",
    `Logs Insights returned ${rowCap} rows, its cap, for ${logGroup} between ${slice.from} ` +
      `and ${slice.to} (${slice.to - slice.from + 1} s): the shortest slice holds more tuples ` +
      "than one query may return; read this group with FilterLogEvents or from S3 instead",
  );
