import { AwsCallError, type AwsCallProblem } from "../aws-call-error.js";
import { sdkFailure, type SdkFailure } from "./sdk-failure.js";

const PERMISSION_CODES: ReadonlySet<string> = new Set([
  "UnauthorizedOperation",
  "AccessDenied",
  "AccessDeniedException",
]);

const CONFIGURATION_CODES: ReadonlySet<string> = new Set([
  "CredentialsProviderError",
  "AuthFailure",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  "SignatureDoesNotMatch",
]);

const NETWORK_CODES: ReadonlySet<string> = new Set([
  "TimeoutError",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "EPIPE",
]);

const ADVICE: Readonly<Record<AwsCallProblem, string>> = {
  permission: "grant the permission (see docs/iam/) or use another profile",
  configuration: "check the credentials, --profile and --region (or AWS_REGION)",
  unreachable: "check the network and any AWS_ENDPOINT_URL setting, then run it again",
  throttled: "AWS kept throttling the account; run it again later or raise AWS_MAX_ATTEMPTS",
  response: "this is unexpected; run it again, and report it if it persists",
  service: "run it again; if it persists, check the AWS Health Dashboard",
};

const problemOf = (failure: SdkFailure): AwsCallProblem => {
  if (failure.throttled) return "throttled";
  if (PERMISSION_CODES.has(failure.code)) return "permission";
  if (CONFIGURATION_CODES.has(failure.code) || /Region is missing/i.test(failure.message)) {
    return "configuration";
  }
  if (failure.status === undefined && NETWORK_CODES.has(failure.code)) return "unreachable";
  return "service";
};

/** The {@link AwsCallError} for a read that threw, naming the operation and what to do. */
export const readFailure = (operation: string, error: unknown): AwsCallError => {
  if (error instanceof AwsCallError) return error;

  const failure = sdkFailure(error);
  const problem = problemOf(failure);
  return new AwsCallError(
    operation,
    problem,
    failure.code,
    `${operation} failed with ${failure.code}: ${failure.message} (${ADVICE[problem]})`,
  );
};

/** An unreadable answer from AWS, as an {@link AwsCallError} naming the operation. */
export const responseFailure = (operation: string, detail: string): AwsCallError =>
  new AwsCallError(
    operation,
    "response",
    "UnexpectedResponse",
    `${operation} returned ${detail} (${ADVICE.response})`,
  );

/** Runs one read call, turning whatever it throws into an {@link AwsCallError}. */
export const awsRead = async <T>(operation: string, send: () => Promise<T>): Promise<T> => {
  try {
    return await send();
  } catch (error) {
    throw readFailure(operation, error);
  }
};
