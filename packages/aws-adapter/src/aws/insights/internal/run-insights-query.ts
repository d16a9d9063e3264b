import type { CloudWatchLogsClient, ResultField } from "@aws-sdk/client-cloudwatch-logs";
import { logsSdk } from "../../internal/sdk.js";
import { pollUntil } from "../../athena/internal/poll-until.js";
import type { PollPacing } from "../../athena/query-client-options.js";
import { FlowLogSourceError } from "../../flow-logs/flow-log-source-error.js";
import { awsFailure } from "../../flow-logs/internal/aws-failure.js";
import type { InsightsSlice } from "../insights-query.js";

/** One query to run: its text, the log group, the event times and the row cap. */
export interface InsightsRun {
  readonly logGroup: string;
  readonly query: string;
  readonly slice: InsightsSlice;
  readonly limit: number;
  readonly poll: PollPacing | undefined;
}

/** Set once any query of a read failed, so the others stop instead of running on. */
export interface ReadAbort {
  failed: boolean;
}

/** Thrown by a query stopped because another one failed; never reaches the caller. */
export const STOPPED = Symbol("stopped");

const call = async <T>(action: string, logGroup: string, send: () => Promise<T>): Promise<T> => {
  try {
    return await send();
  } catch (error) {
    throw awsFailure(error, action, logGroup);
  }
};

const stop = async (client: CloudWatchLogsClient, queryId: string): Promise<void> => {
  try {
    await client.send(new (logsSdk().StopQueryCommand)({ queryId }));
  } catch {
    // A query that already ended cannot be stopped; either way it no longer runs.
  }
};

/**
 * Starts one Logs Insights query and polls it with backoff until Complete, resolving with
 * its result rows; Failed, Cancelled, Timeout or Unknown reject naming the group and slice.
 * When `abort` is raised while it runs, it stops the query (StopQuery) and rejects with
 * {@link STOPPED}, so a failed read does not leave queries holding the account's slots.
 */
export const runInsightsQuery = async (
  client: CloudWatchLogsClient,
  run: InsightsRun,
  abort: ReadAbort,
): Promise<readonly (readonly ResultField[])[]> => {
  const { logGroup, query, slice, limit } = run;
  const started = await call("StartQuery", logGroup, () =>
    client.send(
      new (logsSdk().StartQueryCommand)({
        logGroupName: logGroup,
        queryString: query,
        startTime: slice.from,
        endTime: slice.to,
        limit,
      }),
    ),
  );
  const queryId = started.queryId ?? "";

  const reply = await pollUntil(async () => {
    if (abort.failed) {
      await stop(client, queryId);
      throw STOPPED;
    }
    const page = await call("GetQueryResults", logGroup, () =>
      client.send(new (logsSdk().GetQueryResultsCommand)({ queryId })),
    );
    return page.status === "Running" || page.status === "Scheduled" ? undefined : page;
  }, run.poll);

  if (reply.status !== "Complete") {
    throw new FlowLogSourceError(
      logGroup,
      "failed",
      `Logs Insights query ${queryId} on ${logGroup} (${slice.from}-${slice.to}) ended ` +
        `${reply.status ?? "in an unknown state"}`,
    );
  }
  return reply.results ?? [];
};
