import { formatS3Location, parseS3Location } from "@sg/aws-adapter";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";

describe("parseS3Location", () => {
  it.each([
    ["s3://central-logs", "central-logs", ""],
    ["s3://central-logs/", "central-logs", ""],
    ["s3://central-logs/vpc", "central-logs", "vpc/"],
    ["s3://central-logs/vpc/flow/", "central-logs", "vpc/flow/"],
    ["s3://central-logs/vpc/AWSLogs", "central-logs", "vpc/"],
    ["s3://central-logs/AWSLogs/", "central-logs", ""],
  ])("should read %s as bucket %s and prefix %j", (url, bucket, prefix) => {
    expect(parseS3Location(url)).toEqual({ ok: true, value: { bucket, prefix } });
  });

  it.each([
    ["https://central-logs/vpc", "is not an S3 URL"],
    ["s3://", "is not an S3 URL"],
    ["s3://Central_Logs/vpc", "not a valid S3 bucket name"],
    ["s3://central-logs/AWSLogs/123456789012/", "points below AWSLogs/"],
  ])("should refuse %s, quoting it", (url, reason) => {
    const parsed = parseS3Location(url);

    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain(`"${url}"`);
      expect(parsed.error).toContain(reason);
    }
  });

  const segment = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);
  const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,10}[a-z0-9]$/);
  test.prop([bucketName, fc.array(segment, { maxLength: 4 })])(
    "should read back the URL it formats",
    (bucket, folders) => {
      const location = { bucket, prefix: folders.map((folder) => `${folder}/`).join("") };

      expect(parseS3Location(formatS3Location(location))).toEqual({ ok: true, value: location });
    },
  );
});
