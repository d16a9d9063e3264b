import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import type { JsonContext, JsonHandler } from "../json/json-context.js";
import { optionalInteger, optionalString, optionalStrings } from "../json/json-input.js";
import { applyStats, parseStatsCommand } from "./stats-command.js";

type Body = Readonly<Record<string, unknown>>;

const invalid = (message: string): ApiError => apiError("InvalidParameterException", message);

const logGroupsOf = (body: Body, context: JsonContext): Result<string[], ApiError> => {
  const one = optionalString(body, "logGroupName");
  if (!one.ok) return one;
  const many = optionalStrings(body, "logGroupNames");
  if (!many.ok) return many;
  const identifiers = optionalStrings(body, "logGroupIdentifiers");
  if (!identifiers.ok) return identifiers;

  const names = [
    ...(one.value === undefined ? [] : [one.value]),
    ...(many.value ?? []),
    ...(identifiers.value ?? []).map((id) => id.replace(/^arn:.*:log-group:/, "")),
  ];
  if (names.length === 0) return err(invalid("A log group must be given."));
  const unknown = names.find(
    (name) => context.insights.rowsOf(name) === undefined && !context.store.logGroups.has(name),
  );
  return unknown === undefined
    ? ok(names)
    : err(apiError("ResourceNotFoundException", `Log group ${unknown} does not exist.`));
};

const queryIdOf = (body: Body, context: JsonContext): Result<string, ApiError> => {
  const id = optionalString(body, "queryId");
  if (!id.ok) return id;
  return id.value !== undefined && context.insights.knows(id.value)
    ? ok(id.value)
    : err(apiError("ResourceNotFoundException", `Query ${id.value} does not exist.`));
};

const startQuery: JsonHandler = (body, context) => {
  const groups = logGroupsOf(body, context);
  if (!groups.ok) return groups;
  const start = optionalInteger(body, "startTime", 0, Number.MAX_SAFE_INTEGER);
  if (!start.ok) return start;
  const end = optionalInteger(body, "endTime", 0, Number.MAX_SAFE_INTEGER);
  if (!end.ok) return end;
  const limit = optionalInteger(body, "limit", 1, 10_000);
  if (!limit.ok) return limit;
  const queryString = optionalString(body, "queryString");
  if (!queryString.ok) return queryString;
  if (start.value === undefined || end.value === undefined || queryString.value === undefined) {
    return err(invalid("startTime, endTime and queryString are required."));
  }
  if (end.value < start.value) return err(invalid("endTime must not be before startTime."));

  const stats = parseStatsCommand(queryString.value);
  if (!stats.ok) return err(apiError("MalformedQueryException", stats.error));
  if (context.insights.full) {
    return err(
      apiError(
        "LimitExceededException",
        "Account maximum query concurrency limit of " +
          `[${context.insights.concurrencyLimit}] reached.`,
      ),
    );
  }

  const [from, to] = [start.value * 1000, end.value * 1000 + 999];
  const rows = groups.value
    .flatMap((name) => context.insights.rowsOf(name) ?? [])
    .filter(({ timestamp }) => timestamp >= from && timestamp <= to);
  const cap = Math.min(limit.value ?? context.insights.resultCap, context.insights.resultCap);
  const results = applyStats(stats.value, rows).slice(0, cap);
  const queryId = context.insights.start(
    {
      queryString: queryString.value,
      logGroupNames: groups.value,
      startTime: start.value,
      endTime: end.value,
      ...(limit.value !== undefined && { limit: limit.value }),
    },
    results,
    rows.length,
  );
  return ok({ queryId });
};

const getQueryResults: JsonHandler = (body, context) => {
  const queryId = queryIdOf(body, context);
  if (!queryId.ok) return queryId;

  const { status, results, matched } = context.insights.poll(queryId.value);
  return ok({
    results,
    statistics: { recordsMatched: matched, recordsScanned: matched, bytesScanned: 0 },
    status,
  });
};

const stopQuery: JsonHandler = (body, context) => {
  const queryId = queryIdOf(body, context);
  if (!queryId.ok) return queryId;
  return ok({ success: context.insights.stop(queryId.value) });
};

/** The Logs Insights operations of the CloudWatch Logs JSON protocol, by name. */
export const INSIGHTS_ACTIONS: readonly (readonly [string, JsonHandler])[] = [
  ["StartQuery", startQuery],
  ["GetQueryResults", getQueryResults],
  ["StopQuery", stopQuery],
];
