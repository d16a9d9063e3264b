import type { AthenaClient, QueryExecution, Row } from "@aws-sdk/client-athena";
import { athenaSdk } from "../../internal/sdk.js";
import { FlowLogSourceError } from "../../flow-logs/flow-log-source-error.js";
import { awsFailure } from "../../flow-logs/internal/aws-failure.js";
import type { PollPacing } from "../query-client-options.js";
import { pollUntil } from "./poll-until.js";

/** Where a query runs and where Athena writes its result file. */
export interface AthenaRunRequest {
  readonly query: string;
  readonly database: string;
  readonly catalog: string;
  readonly output: string;
  readonly workgroup?: string;
  /** The table, for messages. */
  readonly location: string;
}

const call = async <T>(action: string, location: string, send: () => Promise<T>): Promise<T> => {
  try {
    return await send();
  } catch (error) {
    throw awsFailure(error, action, location);
  }
};

/** Starts the query; resolves to its execution id. */
export const startQuery = async (
  client: AthenaClient,
  request: AthenaRunRequest,
): Promise<string> => {
  const { query, database, catalog, output, workgroup, location } = request;
  const started = await call("StartQueryExecution", location, () =>
    client.send(
      new (athenaSdk().StartQueryExecutionCommand)({
        QueryString: query,
        QueryExecutionContext: { Database: database, Catalog: catalog },
        ResultConfiguration: { OutputLocation: output },
        ...(workgroup === undefined ? {} : { WorkGroup: workgroup }),
      }),
    ),
  );
  const id = started.QueryExecutionId;
  if (id === undefined) {
    throw new FlowLogSourceError(location, "failed", `Athena started no query on ${location}`);
  }
  return id;
};

/**
 * Polls the query until it ends: resolves with its execution once SUCCEEDED, rejects with
 * Athena's StateChangeReason once FAILED or CANCELLED.
 */
export const awaitQuery = async (
  client: AthenaClient,
  id: string,
  location: string,
  pacing: PollPacing | undefined,
): Promise<QueryExecution> => {
  const execution = await pollUntil(async () => {
    const reply = await call("GetQueryExecution", location, () =>
      client.send(new (athenaSdk().GetQueryExecutionCommand)({ QueryExecutionId: id })),
    );
    const state = reply.QueryExecution?.Status?.State;
    return state === "QUEUED" || state === "RUNNING" ? undefined : (reply.QueryExecution ?? {});
  }, pacing);

  const { State: state, StateChangeReason: reason } = execution.Status ?? {};
  if (state !== "SUCCEEDED") {
    throw new FlowLogSourceError(
      location,
      "failed",
      `Athena query ${id} on ${location} ended ${state ?? "in an unknown state"}: ` +
        `${reason ?? "Athena gave no reason"}`,
    );
  }
  return execution;
};

/** Every page of the query's result, 1,000 rows a page, handed on as each arrives. */
export async function* resultPages(
  client: AthenaClient,
  id: string,
  location: string,
): AsyncGenerator<readonly Row[]> {
  let token: string | undefined;
  do {
    const page = await call("GetQueryResults", location, () =>
      client.send(
        new (athenaSdk().GetQueryResultsCommand)({
          QueryExecutionId: id,
          MaxResults: 1000,
          ...(token === undefined ? {} : { NextToken: token }),
        }),
      ),
    );
    yield page.ResultSet?.Rows ?? [];
    token = page.NextToken;
  } while (token !== undefined);
}
