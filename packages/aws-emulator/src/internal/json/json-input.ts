import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";

const invalid = (name: string, value: unknown, expected: string): ApiError =>
  apiError(
    "InvalidParameterException",
    `Parameter ${name} (${JSON.stringify(value)}) is invalid: expected ${expected}.`,
  );

/** An optional string member of a JSON request. */
export const optionalString = (
  body: Readonly<Record<string, unknown>>,
  name: string,
): Result<string | undefined, ApiError> => {
  const value = body[name];
  return value === undefined || typeof value === "string"
    ? ok(value)
    : err(invalid(name, value, "a string"));
};

/** An optional integer member of a JSON request, within `[low, high]`. */
export const optionalInteger = (
  body: Readonly<Record<string, unknown>>,
  name: string,
  low: number,
  high: number,
): Result<number | undefined, ApiError> => {
  const value = body[name];
  if (value === undefined) return ok(undefined);
  return typeof value === "number" && Number.isInteger(value) && value >= low && value <= high
    ? ok(value)
    : err(invalid(name, value, `an integer from ${low} to ${high}`));
};

/** An optional list of strings in a JSON request. */
export const optionalStrings = (
  body: Readonly<Record<string, unknown>>,
  name: string,
): Result<string[] | undefined, ApiError> => {
  const value = body[name];
  if (value === undefined) return ok(undefined);
  return Array.isArray(value) && value.every((member) => typeof member === "string")
    ? ok(value as string[])
    : err(invalid(name, value, "a list of strings"));
};
