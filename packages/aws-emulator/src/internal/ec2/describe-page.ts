import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import { scalar, type Form } from "../form.js";
import { decodeToken, encodeToken, slicePage } from "../paging.js";

/** How one Describe action pages: whether ids were listed, and the emulator's page cap. */
export interface PagePolicy {
  readonly idsParameter: string;
  readonly idsGiven: boolean;
  readonly pageCap: number;
}

const MIN_RESULTS = 5;
const MAX_RESULTS = 1000;

const maxResultsOf = (form: Form): Result<number | undefined, ApiError> => {
  const text = scalar(form, "MaxResults");
  if (text === undefined) return ok(undefined);

  const value = Number(text);
  if (!Number.isInteger(value) || value < MIN_RESULTS || value > MAX_RESULTS) {
    return err(
      apiError(
        "InvalidParameterValue",
        `Value ( ${text} ) for parameter MaxResults is invalid. ` +
          `Expecting a value between ${MIN_RESULTS} and ${MAX_RESULTS}.`,
      ),
    );
  }
  return ok(value);
};

/**
 * One page of a Describe listing, as EC2 pages: `MaxResults` must be 5-1000 and cannot
 * be combined with explicit ids; ids without `MaxResults` return everything at once;
 * otherwise a page holds at most `MaxResults` and at most the emulator's page cap.
 */
export const describePage = <T>(
  form: Form,
  items: readonly T[],
  policy: PagePolicy,
): Result<{ readonly page: T[]; readonly NextToken?: string }, ApiError> => {
  const maxResults = maxResultsOf(form);
  if (!maxResults.ok) return maxResults;
  if (policy.idsGiven && maxResults.value !== undefined) {
    return err(
      apiError(
        "InvalidParameterCombination",
        `The parameter ${policy.idsParameter} cannot be used with the parameter MaxResults`,
      ),
    );
  }

  const token = scalar(form, "NextToken");
  const cursor = token === undefined ? { offset: 0, page: 0 } : decodeToken(token);
  if (cursor === undefined) {
    return err(apiError("InvalidPaginationToken", `The pagination token "${token}" is invalid.`));
  }

  const cap = policy.idsGiven ? Number.POSITIVE_INFINITY : policy.pageCap;
  const size = Math.min(maxResults.value ?? Number.POSITIVE_INFINITY, cap);
  const { page, next } = slicePage(items, cursor, size);
  return ok(next ? { page, NextToken: encodeToken(next) } : { page });
};
