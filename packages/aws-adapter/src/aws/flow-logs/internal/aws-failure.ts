import { FlowLogSourceError, type FlowLogSourceProblem } from "../flow-log-source-error.js";

const MISSING = new Set(["ResourceNotFoundException", "NoSuchBucket", "NoSuchKey", "NotFound"]);
const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
]);

/**
 * Turns what an SDK call threw into a {@link FlowLogSourceError} naming the action and the
 * log group, prefix or key it was about, with a hint for the failures an operator can fix
 * (no Region, no credentials). An error that already is one passes through unchanged.
 */
export const awsFailure = (error: unknown, action: string, location: string): Error => {
  if (error instanceof FlowLogSourceError) return error;

  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  const problem: FlowLogSourceProblem = MISSING.has(name)
    ? "missing"
    : DENIED.has(name)
      ? "denied"
      : "failed";
  return new FlowLogSourceError(
    location,
    problem,
    `${action} on ${location} failed: ${name}: ${message}${hintFor(name, message)}`,
  );
};

const hintFor = (name: string, message: string): string => {
  if (/region is missing/i.test(message)) return " (pass --region or set AWS_REGION)";
  if (name === "CredentialsProviderError") {
    return " (configure credentials: --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID)";
  }
  return "";
};
