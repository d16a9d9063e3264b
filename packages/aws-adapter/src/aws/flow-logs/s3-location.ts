import { err, ok, type Result } from "@sg/core";

/**
 * Where flow logs were delivered in S3: the bucket and the prefix that holds `AWSLogs/`
 * (empty, or ending in `/`).
 */
export interface S3Location {
  readonly bucket: string;
  readonly prefix: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads `--s3 s3://bucket/prefix`: the bucket, and the prefix that flow logs were
 * delivered under (the folder above `AWSLogs/`; a trailing `AWSLogs` is accepted and
 * dropped). Accounts and Regions are chosen with their own flags, so a URL that goes
 * below `AWSLogs/` is refused with a message saying so.
 *
 * @example parseS3Location("s3://central-logs/vpc/AWSLogs/") // ok({ bucket: "central-logs",
 *                                                               //      prefix: "vpc/" })
 */
export const parseS3Location = (url: string): Result<S3Location, string> => {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url.trim());
  if (match === null) {
    return err(`"${url}" is not an S3 URL; expected s3://bucket or s3://bucket/prefix`);
  }

  const bucket = match[1] ?? "";
  if (!BUCKET.test(bucket)) {
    return err(`"${url}" names the bucket "${bucket}", which is not a valid S3 bucket name`);
  }

  const segments = (match[2] ?? "").split("/").filter((segment) => segment !== "");
  const logs = segments.indexOf("AWSLogs");
  if (logs >= 0 && logs < segments.length - 1) {
    return err(
      `"${url}" points below AWSLogs/; give the prefix above it and choose accounts and ` +
        "Regions with --accounts and --regions",
    );
  }

  const kept = logs >= 0 ? segments.slice(0, logs) : segments;
  return ok({ bucket, prefix: kept.map((segment) => `${segment}/`).join("") });
};

/** The location as an S3 URL, `s3://bucket/prefix`, for messages and provenance. */
export const formatS3Location = (location: S3Location): string =>
  `s3://${location.bucket}/${location.prefix}`;
