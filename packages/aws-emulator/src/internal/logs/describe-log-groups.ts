import { err, ok } from "@sg/core";
import { apiError } from "../api-error.js";
import { decodeToken, encodeToken, slicePage } from "../paging.js";
import type { JsonHandler } from "../json/json-context.js";
import { optionalInteger, optionalString } from "../json/json-input.js";

const MAX_LIMIT = 50;

/**
 * DescribeLogGroups: the log groups whose names start with `logGroupNamePrefix`, in name
 * order, paged by `limit` (1-50) and the emulator's page size, with `nextToken`.
 */
export const describeLogGroups: JsonHandler = (body, { store, logsPageSize }) => {
  const prefix = optionalString(body, "logGroupNamePrefix");
  if (!prefix.ok) return prefix;
  const limit = optionalInteger(body, "limit", 1, MAX_LIMIT);
  if (!limit.ok) return limit;
  const token = optionalString(body, "nextToken");
  if (!token.ok) return token;

  const cursor = token.value === undefined ? { offset: 0, page: 0 } : decodeToken(token.value);
  if (cursor === undefined) {
    return err(apiError("InvalidParameterException", `The nextToken "${token.value}" is invalid.`));
  }

  const { accountId, region } = store.settings;
  const names = [...store.logGroups.keys()]
    .filter((name) => name.startsWith(prefix.value ?? ""))
    .sort();
  const size = Math.min(limit.value ?? MAX_LIMIT, logsPageSize ?? MAX_LIMIT);
  const { page, next } = slicePage(names, cursor, size);

  const logGroups = page.map((name) => {
    const events = store.logGroups.get(name) ?? [];
    const arn = `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
    return {
      logGroupName: name,
      creationTime: events[0]?.timestamp ?? 0,
      metricFilterCount: 0,
      arn: `${arn}:*`,
      logGroupArn: arn,
      storedBytes: events.reduce((total, event) => total + event.message.length, 0),
    };
  });
  return ok(next ? { logGroups, nextToken: encodeToken(next) } : { logGroups });
};
