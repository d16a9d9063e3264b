/**
 * An error as an AWS service reports it: a code the SDK turns into the exception's `name`,
 * a message, and the HTTP status it travels with. Handlers return these as data; only the
 * server turns them into wire responses.
 */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

const STATUS_BY_CODE: ReadonlyMap<string, number> = new Map([
  ["RequestLimitExceeded", 503],
  ["ServiceUnavailable", 503],
  ["Unavailable", 503],
  ["InternalError", 500],
  ["InternalFailure", 500],
  ["ServiceException", 500],
  ["DryRunOperation", 412],
  ["UnauthorizedOperation", 403],
  ["MissingAuthenticationToken", 403],
  ["MissingAuthenticationTokenException", 403],
  ["AccessDeniedException", 400],
]);

/** The HTTP status AWS sends with an error code: 400 unless the code is known otherwise. */
export const statusOf = (code: string): number => STATUS_BY_CODE.get(code) ?? 400;

/** Builds an {@link ApiError}, taking the status from the code unless one is given. */
export const apiError = (code: string, message: string, status?: number): ApiError => ({
  code,
  message,
  status: status ?? statusOf(code),
});

/** The common "a value is not acceptable" error, quoting the parameter and the value. */
export const invalidValue = (parameter: string, value: string, expected: string): ApiError =>
  apiError(
    "InvalidParameterValue",
    `Value (${value}) for parameter ${parameter} is invalid. Expected ${expected}.`,
  );

/** The error for a required parameter that is absent. */
export const missingParameter = (parameter: string): ApiError =>
  apiError("MissingParameter", `The request must contain the parameter ${parameter}.`);
