import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import { optionalInteger, optionalString } from "../json/json-input.js";
import { decodeToken, encodeToken, slicePage } from "../paging.js";
import type { OrganizationsContext } from "./organizations-context.js";

const MAX_RESULTS = 20;

/**
 * One page of an Organizations listing. `MaxResults` must be 1-20; a page holds at most
 * that and the emulator's page size. Pages whose zero-based number is in `emptyPages`
 * come back empty with a `NextToken`, as Organizations may return fewer results than
 * asked while more exist, which is why clients must follow every token.
 */
export const organizationsPage = <T>(
  body: Readonly<Record<string, unknown>>,
  items: readonly T[],
  { pageSize, emptyPages }: OrganizationsContext,
): Result<{ readonly page: T[]; readonly NextToken?: string }, ApiError> => {
  const maxResults = optionalInteger(body, "MaxResults", 1, MAX_RESULTS);
  if (!maxResults.ok) return err(invalidInput(maxResults.error.message));
  const token = optionalString(body, "NextToken");
  if (!token.ok) return err(invalidInput(token.error.message));

  const cursor = token.value === undefined ? { offset: 0, page: 0 } : decodeToken(token.value);
  if (cursor === undefined) {
    return err(invalidInput(`The NextToken "${token.value}" is not one this service issued.`));
  }

  if (emptyPages.has(cursor.page)) {
    return ok({
      page: [],
      NextToken: encodeToken({ offset: cursor.offset, page: cursor.page + 1 }),
    });
  }
  const size = Math.min(maxResults.value ?? MAX_RESULTS, pageSize);
  const { page, next } = slicePage(items, cursor, size);
  return ok(next ? { page, NextToken: encodeToken(next) } : { page });
};

const invalidInput = (message: string): ApiError => apiError("InvalidInputException", message);

/** A required string member of an Organizations request. */
export const requiredString = (
  body: Readonly<Record<string, unknown>>,
  name: string,
): Result<string, ApiError> => {
  const value = body[name];
  return typeof value === "string" && value.length > 0
    ? ok(value)
    : err(apiError("InvalidInputException", `You must specify a value for ${name}.`));
};
