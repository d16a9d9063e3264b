import { IP_RANGES_URL } from "@sg/aws-adapter";
import { describe, expect, it } from "vitest";
import type { FlagValues } from "../../../src/cli/command.js";
import { ExitCode } from "../../../src/cli/exit-codes.js";
import { ipRangesLocation } from "../../../src/commands/extend/aws-ip-ranges.js";

const LIVE: FlagValues = { "log-group": "/vpc/flow", "include-public": true };
const S3: FlagValues = { s3: "s3://bucket/prefix/", "include-public": true };
const OFFLINE: FlagValues = { "flow-logs": ["logs"], estate: "estate", "include-public": true };

describe("ipRangesLocation", () => {
  it.each([
    ["a log group", LIVE, { kind: "url", url: IP_RANGES_URL }],
    ["an S3 prefix", S3, { kind: "url", url: IP_RANGES_URL }],
    [
      "a URL",
      { ...LIVE, "ip-ranges": "http://127.0.0.1:8/r.json" },
      { kind: "url", url: "http://127.0.0.1:8/r.json" },
    ],
    [
      "an HTTPS URL",
      { ...S3, "ip-ranges": "HTTPS://mirror.test/r.json" },
      { kind: "url", url: "HTTPS://mirror.test/r.json" },
    ],
    ["a file, live", { ...LIVE, "ip-ranges": "saved.json" }, { kind: "file", path: "saved.json" }],
    [
      "a file, offline",
      { ...OFFLINE, "ip-ranges": "saved.json" },
      { kind: "file", path: "saved.json" },
    ],
  ])("should read the ranges from where %s says", (_case, flags, location) => {
    expect(ipRangesLocation(flags)).toEqual(location);
  });

  it.each([
    ["offline without --ip-ranges", OFFLINE],
    ["offline with a URL", { ...OFFLINE, "ip-ranges": "https://ip-ranges.amazonaws.com/x" }],
    ["--flow-logs without --estate", { "flow-logs": ["logs"], "include-public": true }],
  ])("should refuse to download %s, as a usage error", (_case, flags) => {
    expect(() => ipRangesLocation(flags)).toThrow(
      expect.objectContaining({
        name: "CliError",
        exitCode: ExitCode.usage,
        message: expect.stringContaining("where nothing is downloaded"),
      }),
    );
  });
});
