import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { S3Client } from "@aws-sdk/client-s3";
import { logsSdk, s3Sdk } from "../internal/sdk.js";

/**
 * How to reach AWS: the Region and named profile from `--region` and `--profile` (the
 * SDK's own chain of environment, profile and instance settings decides when absent), and
 * the environment, in which `AWS_ENDPOINT_URL`/`AWS_ENDPOINT_URL_<SERVICE>` and
 * `AWS_MAX_ATTEMPTS` are looked for.
 */
export interface FlowLogClientOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Attempts per call when `AWS_MAX_ATTEMPTS` is unset. Reads are safe to retry, and
 * FilterLogEvents is held to a few calls per second per account and Region, so a long read
 * rides out throttling with the SDK's backoff instead of failing after three attempts.
 */
const READ_ATTEMPTS = 8;

const common = (options: FlowLogClientOptions) => ({
  ...(options.region === undefined ? {} : { region: options.region }),
  ...(options.profile === undefined ? {} : { profile: options.profile }),
  ...(options.env?.AWS_MAX_ATTEMPTS === undefined ? { maxAttempts: READ_ATTEMPTS } : {}),
});

/**
 * A CloudWatch Logs client for reading flow logs. Credentials come from the SDK's default
 * chain; endpoint overrides in the environment are applied by the SDK itself.
 */
export const cloudWatchLogsClientFor = (options: FlowLogClientOptions): CloudWatchLogsClient =>
  new (logsSdk().CloudWatchLogsClient)(common(options));

/**
 * An S3 client for reading flow-log objects. It follows a bucket's Region when it differs
 * from the client's, and uses path-style addressing when an endpoint override is set in the
 * environment, as local S3 stand-ins (and most S3-compatible stores) need.
 */
export const s3ClientFor = (options: FlowLogClientOptions): S3Client => {
  const overridden = [options.env?.AWS_ENDPOINT_URL_S3, options.env?.AWS_ENDPOINT_URL].some(
    (url) => url !== undefined && url !== "",
  );
  return new (s3Sdk().S3Client)({
    ...common(options),
    followRegionRedirects: true,
    ...(overridden ? { forcePathStyle: true } : {}),
  });
};
