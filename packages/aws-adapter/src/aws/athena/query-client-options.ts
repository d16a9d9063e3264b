import type { StaticCredentials } from "../aws-estate-options.js";

/**
 * How the Athena and Logs Insights readers reach AWS. Everything is optional: by default
 * the SDK's own resolution applies (credential chain, `AWS_REGION` or the profile's Region,
 * `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`), as for every other live read.
 */
export interface QueryClientOptions {
  /** The Region (`--region`); the SDK's resolution when absent. */
  readonly region?: string;
  /** A named profile of the shared config and credentials files (`--profile`). */
  readonly profile?: string;
  /** An endpoint instead of the SDK's resolution (tests, proxies). */
  readonly endpoint?: string;
  /** Credentials to use instead of the default chain. */
  readonly credentials?: StaticCredentials;
  /** Attempts per call under the SDK's standard retry (default 8: every call here reads). */
  readonly maxAttempts?: number;
}

/** How often a running query is looked at: the first wait, growing by half up to `maxMs`. */
export interface PollPacing {
  /** The wait before the first look (default 500 ms). */
  readonly firstMs?: number;
  /** The longest wait between looks (default 5,000 ms). */
  readonly maxMs?: number;
}
