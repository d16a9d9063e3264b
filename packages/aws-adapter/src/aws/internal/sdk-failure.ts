/**
 * A failed SDK call reduced to what the adapter decides on: EC2's error code, its message,
 * the HTTP status when a response arrived, and whether AWS throttled it.
 */
export interface SdkFailure {
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly throttled: boolean;
}

const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "RequestLimitExceeded",
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestThrottled",
  "RequestThrottledException",
]);

/** Errors whose `code` field, not their name, says what failed (Node's network errors). */
const CODED_NAMES: ReadonlySet<string> = new Set(["Error", "AwsCallError"]);

interface SdkErrorFields {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: { readonly throttling?: boolean };
}

/** The code, message, status and throttling of whatever an SDK call threw. */
export const sdkFailure = (error: unknown): SdkFailure => {
  const fields = (typeof error === "object" && error !== null ? error : {}) as SdkErrorFields;
  const name = typeof fields.name === "string" ? fields.name : "Error";
  const ownCode = typeof fields.code === "string" ? fields.code : undefined;
  const code = ownCode !== undefined && CODED_NAMES.has(name) ? ownCode : name;
  const status = fields.$metadata?.httpStatusCode;

  return {
    code,
    message: typeof fields.message === "string" ? fields.message : String(error),
    ...(status === undefined ? {} : { status }),
    throttled:
      THROTTLING_CODES.has(code) || status === 429 || fields.$retryable?.throttling === true,
  };
};

/**
 * Whether AWS answered a call with a definite refusal: a throttle or a 4xx error, after
 * which nothing was changed. A 5xx, a timeout or a dropped connection leaves the outcome
 * of a write unknown.
 */
export const isDefiniteRefusal = (failure: SdkFailure): boolean =>
  failure.throttled ||
  (failure.status !== undefined && failure.status >= 400 && failure.status < 500);
