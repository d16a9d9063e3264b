import type { QueryClientOptions } from "../query-client-options.js";

/** Attempts per call when not set: reads are safe to retry and ride out throttling. */
export const QUERY_CLIENT_ATTEMPTS = 8;

/** The SDK client settings the options ask for, leaving the rest to the SDK. */
export const queryClientConfig = (options: QueryClientOptions) => ({
  ...(options.region === undefined ? {} : { region: options.region }),
  ...(options.profile === undefined ? {} : { profile: options.profile }),
  ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  maxAttempts: options.maxAttempts ?? QUERY_CLIENT_ATTEMPTS,
});
