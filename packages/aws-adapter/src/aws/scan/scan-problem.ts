import { sdkFailure } from "../internal/sdk-failure.js";
import type { ScanAccount, ScanProblem, ScanProblemKind } from "./scan-result.js";

const ACCESS_DENIED: ReadonlySet<string> = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
]);

/** Codes EC2 answers with in a Region the account has not enabled. */
const REGION_DISABLED: ReadonlySet<string> = new Set([
  "AuthFailure",
  "OptInRequired",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
]);

const kindOf = (code: string, throttled: boolean, inRegion: boolean): ScanProblemKind => {
  if (throttled) return "throttled";
  if (ACCESS_DENIED.has(code)) return "access-denied";
  if (inRegion && REGION_DISABLED.has(code)) return "region-disabled";
  return "error";
};

/**
 * What went wrong with one account (no `region`) or one account × Region, from whatever
 * the reads threw: an `AwsCallError` or a raw SDK exception. Outside a Region, an
 * AuthFailure is an error, not a disabled Region.
 */
export const scanProblem = (
  account: ScanAccount,
  region: string | undefined,
  error: unknown,
): ScanProblem => {
  const failure = sdkFailure(error);
  const throttled = failure.throttled || (error as { problem?: string }).problem === "throttled";

  return {
    ...account,
    ...(region === undefined ? {} : { region }),
    kind: kindOf(failure.code, throttled, region !== undefined),
    code: failure.code,
    message: failure.message,
  };
};
