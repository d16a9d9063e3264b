import type { CloudWatchLogsClient, ResultField } from "@aws-sdk/client-cloudwatch-logs";
import type { FlowLogLayout, TimeWindow } from "@sg/core";
import type { PollPacing } from "../../athena/query-client-options.js";
import { boundedConcurrency } from "../../scan/internal/bounded-concurrency.js";
import { insightsQuery, type InsightsSlice } from "../insights-query.js";
import { runInsightsQuery, STOPPED, type ReadAbort } from "./run-insights-query.js";
import type { SliceAnswer } from "./split-slices.js";

/** What every slice query of one read shares. */
export interface SliceSettings {
  readonly logGroup: string;
  readonly window: TimeWindow;
  readonly layout: FlowLogLayout;
  readonly rowCap: number;
  readonly concurrency: number;
  readonly poll: PollPacing | undefined;
  readonly onProgress: ((progress: { started: number; done: number }) => void) | undefined;
}

/** Runs the slice queries of one read and remembers the first thing that went wrong. */
export interface SliceRunner {
  /** Queries one slice once a slot is free; refuses to start once the read has failed. */
  readonly query: (slice: InsightsSlice) => Promise<SliceAnswer<readonly ResultField[]>>;
  /** Marks the read failed (running queries stop at their next look) and returns `error`. */
  readonly fail: (error: unknown) => unknown;
  /** The first failure other than a query stopped because of it. */
  readonly firstFailure: () => unknown;
  /** Queries started so far. */
  readonly started: () => number;
}

/**
 * The slice queries of one read, at most `concurrency` running at once. A query failing
 * raises the read's abort, so queued slices never start and running ones are stopped.
 */
export const sliceRunner = (client: CloudWatchLogsClient, settings: SliceSettings): SliceRunner => {
  const { logGroup, window, layout, rowCap, poll, onProgress } = settings;
  const limit = boundedConcurrency(settings.concurrency);
  const abort: ReadAbort = { failed: false };
  const tally = { started: 0, done: 0 };
  let failure: unknown;

  const fail = (error: unknown): unknown => {
    if (error !== STOPPED && failure === undefined) failure = error;
    abort.failed = true;
    return error;
  };

  const run = async (slice: InsightsSlice): Promise<SliceAnswer<readonly ResultField[]>> => {
    if (abort.failed) throw STOPPED;
    tally.started += 1;

    const query = insightsQuery(window, layout, slice);
    const rows = await runInsightsQuery(
      client,
      { logGroup, query, slice, limit: rowCap, poll },
      abort,
    );
    tally.done += 1;
    onProgress?.({ ...tally });
    return { rows, capped: rows.length >= rowCap };
  };

  return {
    query: async (slice) => {
      try {
        return await limit(() => run(slice));
      } catch (error) {
        throw fail(error);
      }
    },
    fail,
    firstFailure: () => failure,
    started: () => tally.started,
  };
};
