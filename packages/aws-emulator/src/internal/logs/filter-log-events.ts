import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import { decodeToken, encodeToken, slicePage, type Cursor } from "../paging.js";
import type { LogEventRecord } from "../store.js";
import { compileFilterPattern } from "./filter-pattern.js";
import type { JsonContext, JsonHandler } from "../json/json-context.js";
import { optionalInteger, optionalString, optionalStrings } from "../json/json-input.js";

const MAX_EVENTS = 10_000;

const logGroupOf = (
  body: Readonly<Record<string, unknown>>,
  { store }: JsonContext,
): Result<readonly LogEventRecord[], ApiError> => {
  const name = optionalString(body, "logGroupName");
  if (!name.ok) return name;
  const identifier = optionalString(body, "logGroupIdentifier");
  if (!identifier.ok) return identifier;
  if ((name.value === undefined) === (identifier.value === undefined)) {
    return err(
      apiError(
        "InvalidParameterException",
        "Exactly one of logGroupName and logGroupIdentifier must be given.",
      ),
    );
  }

  const key = name.value ?? identifier.value?.replace(/^arn:.*:log-group:/, "") ?? "";
  const events = store.logGroups.get(key);
  return events
    ? ok(events)
    : err(apiError("ResourceNotFoundException", "The specified log group does not exist."));
};

const streamTest = (
  body: Readonly<Record<string, unknown>>,
): Result<(stream: string) => boolean, ApiError> => {
  const names = optionalStrings(body, "logStreamNames");
  if (!names.ok) return names;
  const prefix = optionalString(body, "logStreamNamePrefix");
  if (!prefix.ok) return prefix;
  if (names.value !== undefined && prefix.value !== undefined) {
    return err(
      apiError(
        "InvalidParameterException",
        "logStreamNames and logStreamNamePrefix cannot both be given.",
      ),
    );
  }
  return ok((stream) =>
    names.value !== undefined
      ? names.value.includes(stream)
      : stream.startsWith(prefix.value ?? ""),
  );
};

const timeTest = (
  body: Readonly<Record<string, unknown>>,
): Result<(timestamp: number) => boolean, ApiError> => {
  const start = optionalInteger(body, "startTime", 0, Number.MAX_SAFE_INTEGER);
  if (!start.ok) return start;
  const end = optionalInteger(body, "endTime", 0, Number.MAX_SAFE_INTEGER);
  if (!end.ok) return end;
  return ok((t) => t >= (start.value ?? 0) && t <= (end.value ?? Number.MAX_SAFE_INTEGER));
};

/**
 * FilterLogEvents: the events of one log group, oldest first, narrowed by streams
 * (`logStreamNames` or `logStreamNamePrefix`), by time (both bounds inclusive, as the API
 * reference words them: events before `startTime` or after `endTime` are left out) and by a
 * plain `filterPattern`. A page holds at most `limit` and at most the emulator's page size;
 * pages named in `emptyLogPages` come back empty with a `nextToken`.
 */
export const filterLogEvents: JsonHandler = (body, context) => {
  const group = logGroupOf(body, context);
  if (!group.ok) return group;
  const inStream = streamTest(body);
  if (!inStream.ok) return inStream;
  const inTime = timeTest(body);
  if (!inTime.ok) return inTime;
  const pattern = optionalString(body, "filterPattern");
  if (!pattern.ok) return pattern;
  const matches = compileFilterPattern(pattern.value);
  if (!matches.ok) return matches;
  const limit = optionalInteger(body, "limit", 1, MAX_EVENTS);
  if (!limit.ok) return limit;
  const token = optionalString(body, "nextToken");
  if (!token.ok) return token;

  const cursor = token.value === undefined ? { offset: 0, page: 0 } : decodeToken(token.value);
  if (cursor === undefined) {
    return err(apiError("InvalidParameterException", `The nextToken "${token.value}" is invalid.`));
  }

  const selected = group.value.filter(
    (event) =>
      inStream.value(event.logStreamName) &&
      inTime.value(event.timestamp) &&
      matches.value(event.message),
  );
  return ok(
    pageOf(
      selected,
      cursor,
      Math.min(limit.value ?? MAX_EVENTS, context.logsPageSize ?? MAX_EVENTS),
      context,
    ),
  );
};

const pageOf = (
  selected: readonly LogEventRecord[],
  cursor: Cursor,
  size: number,
  { emptyLogPages }: JsonContext,
): Record<string, unknown> => {
  const streams = [...new Set(selected.map((event) => event.logStreamName))].sort();
  const searchedLogStreams = streams.map((logStreamName) => ({
    logStreamName,
    searchedCompletely: true,
  }));
  if (emptyLogPages.has(cursor.page)) {
    const next = { offset: cursor.offset, page: cursor.page + 1 };
    return { events: [], searchedLogStreams, nextToken: encodeToken(next) };
  }

  const { page, next } = slicePage(selected, cursor, size);
  const events = page.map(({ logStreamName, timestamp, message, ingestionTime, eventId }) => ({
    logStreamName,
    timestamp,
    message,
    ingestionTime,
    eventId,
  }));
  return next
    ? { events, searchedLogStreams, nextToken: encodeToken(next) }
    : { events, searchedLogStreams };
};
