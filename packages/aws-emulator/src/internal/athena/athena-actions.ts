import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import type { JsonContext, JsonHandler } from "../json/json-context.js";
import { optionalInteger, optionalString } from "../json/json-input.js";
import type { Execution } from "./athena-book.js";
import { queryResults } from "./query-results.js";

type Body = Readonly<Record<string, unknown>>;

const invalidRequest = (message: string): ApiError => apiError("InvalidRequestException", message);

const requiredString = (body: Body, name: string): Result<string, ApiError> => {
  const value = optionalString(body, name);
  if (!value.ok) return value;
  return value.value === undefined || value.value === ""
    ? err(invalidRequest(`${name} is required.`))
    : ok(value.value);
};

const member = (body: Body, name: string): Body => {
  const value = body[name];
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Body)
    : {};
};

const executionOf = (body: Body, context: JsonContext): Result<Execution, ApiError> => {
  const id = requiredString(body, "QueryExecutionId");
  if (!id.ok) return id;
  const execution = context.athena.execution(id.value);
  return execution
    ? ok(execution)
    : err(invalidRequest(`QueryExecution ${id.value} was not found`));
};

const getTableMetadata: JsonHandler = (body, context) => {
  const catalog = requiredString(body, "CatalogName");
  if (!catalog.ok) return catalog;
  const database = requiredString(body, "DatabaseName");
  if (!database.ok) return database;
  const name = requiredString(body, "TableName");
  if (!name.ok) return name;

  const table =
    catalog.value.toLowerCase() === "awsdatacatalog"
      ? context.athena.table(database.value, name.value)
      : undefined;
  if (table === undefined) {
    return err(
      apiError(
        "MetadataException",
        `Table ${name.value} not found in database ${database.value} of ${catalog.value}.`,
      ),
    );
  }
  return ok({
    TableMetadata: {
      Name: name.value.toLowerCase(),
      TableType: "EXTERNAL_TABLE",
      Columns: table.columns,
      PartitionKeys: table.partitionKeys ?? [],
      Parameters: table.parameters ?? {},
    },
  });
};

const startQueryExecution: JsonHandler = (body, context) => {
  const query = requiredString(body, "QueryString");
  if (!query.ok) return query;
  const where = member(body, "QueryExecutionContext");
  const output = member(body, "ResultConfiguration")["OutputLocation"];
  if (typeof output !== "string" || !output.startsWith("s3://")) {
    return err(
      invalidRequest(
        "No output location provided. An output location is required either through the " +
          "Workgroup result configuration setting or as an API input.",
      ),
    );
  }
  const workGroup = optionalString(body, "WorkGroup");
  if (!workGroup.ok) return workGroup;

  const queryExecutionId = context.athena.start({
    query: query.value,
    outputLocation: output,
    ...(typeof where["Database"] === "string" && { database: where["Database"] }),
    ...(typeof where["Catalog"] === "string" && { catalog: where["Catalog"] }),
    ...(workGroup.value !== undefined && { workGroup: workGroup.value }),
  });
  return ok({ QueryExecutionId: queryExecutionId });
};

const getQueryExecution: JsonHandler = (body, context) => {
  const execution = executionOf(body, context);
  if (!execution.ok) return execution;

  const { record, table, submitted } = execution.value;
  const status = context.athena.status(execution.value, true);
  const done = status.state !== "QUEUED" && status.state !== "RUNNING";
  return ok({
    QueryExecution: {
      QueryExecutionId: record.queryExecutionId,
      Query: record.query,
      StatementType: "DML",
      ResultConfiguration: {
        OutputLocation: `${record.outputLocation}${record.queryExecutionId}.csv`,
      },
      QueryExecutionContext: {
        ...(record.database !== undefined && { Database: record.database }),
        Catalog: record.catalog ?? "awsdatacatalog",
      },
      Status: {
        State: status.state,
        ...(status.reason !== undefined && { StateChangeReason: status.reason }),
        SubmissionDateTime: submitted.getTime() / 1000,
        ...(done && { CompletionDateTime: Date.now() / 1000 }),
      },
      Statistics: {
        DataScannedInBytes: status.state === "SUCCEEDED" ? (table?.scannedBytes ?? 0) : 0,
        EngineExecutionTimeInMillis: 0,
        TotalExecutionTimeInMillis: 0,
      },
      WorkGroup: record.workGroup ?? "primary",
    },
  });
};

const getQueryResults: JsonHandler = (body, context) => {
  const execution = executionOf(body, context);
  if (!execution.ok) return execution;
  const max = optionalInteger(body, "MaxResults", 1, 1000);
  if (!max.ok) return max;
  const token = optionalString(body, "NextToken");
  if (!token.ok) return token;

  const { state } = context.athena.status(execution.value, false);
  const { table } = execution.value;
  if (state !== "SUCCEEDED" || table === undefined) {
    return err(invalidRequest(`Query has not yet finished. Current state: ${state}`));
  }
  const size = Math.min(max.value ?? 1000, context.athena.pageSize);
  return queryResults(table, size, token.value);
};

const stopQueryExecution: JsonHandler = (body, context) => {
  const execution = executionOf(body, context);
  if (!execution.ok) return execution;

  const { state } = context.athena.status(execution.value, false);
  if (state === "QUEUED" || state === "RUNNING") execution.value.stopped = true;
  return ok({});
};

/** The Athena operations the emulator answers, by name. */
export const ATHENA_ACTIONS: ReadonlyMap<string, JsonHandler> = new Map([
  ["GetTableMetadata", getTableMetadata],
  ["StartQueryExecution", startQueryExecution],
  ["GetQueryExecution", getQueryExecution],
  ["GetQueryResults", getQueryResults],
  ["StopQueryExecution", stopQueryExecution],
]);
