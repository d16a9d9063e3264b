import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import {
  DEMO_V5_FORMAT,
  demoFlowLogObjects,
  demoLogEvents,
  hiveKey,
  parquetKey,
  parquetOf,
} from "../../../aws-adapter/test/aws/flow-logs/support/demo-flow-log-objects.js";
import {
  S3RVER_CREDENTIALS,
  startS3Server,
  uploadObjects,
  type S3Server,
} from "../../../aws-adapter/test/aws/flow-logs/support/s3-server.js";
import { filesOf, runCli, type CliRun } from "../support/run-cli.js";

const NOW = "2026-05-28T12:00:00Z";
const GROUP = "/vpc/demo-flow-logs";
const BUCKET = "demo-flow-logs";

/** Fake credentials s3rver accepts; the emulator accepts any signed request. */
const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_REGION: "us-east-1",
};

interface EvidenceFile {
  readonly origins: { location: string; files?: number; records: number }[];
  readonly entries: unknown[];
}

let dir: string;
let emulator: EmulatorHandle;
let s3: S3Server;
let offline: EvidenceFile;

const evidence = (name: string): EvidenceFile =>
  JSON.parse(readFileSync(join(dir, name), "utf8")) as EvidenceFile;

const analyse = (args: readonly string[], env: Record<string, string>): Promise<CliRun> =>
  runCli(["analyse", "--now", NOW, "--days", "90", ...args], {
    cwd: dir,
    env: { ...CREDENTIALS, ...env },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sg-live-"));
  generateDemoFlowLogs(join(dir, "logs"));
  const objects = demoFlowLogObjects();

  emulator = await startEmulator({
    logGroups: { [GROUP]: demoLogEvents(objects) },
    logsPageSize: 25,
    emptyLogPages: [0],
  });
  s3 = await startS3Server([BUCKET]);
  await uploadObjects(s3.client, BUCKET, "plain/", objects);
  await uploadObjects(
    s3.client,
    BUCKET,
    "hive/",
    objects.map((object) => ({ ...object, key: hiveKey(object.key) })),
  );
  await uploadObjects(
    s3.client,
    BUCKET,
    "parquet/",
    objects.map(({ key, body }) => ({ key: hiveKey(parquetKey(key)), body: parquetOf(body) })),
  );

  const run = await analyse(["--flow-logs", "logs", "--out", "offline.json"], {});
  if (run.code !== 0) throw new Error(`offline analyse failed: ${run.stderr}`);
  offline = evidence("offline.json");
});

afterAll(async () => {
  await emulator?.stop();
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("analyse on live flow-log sources", () => {
  it("should write the offline evidence from the same records in CloudWatch Logs", async () => {
    const run = await analyse(
      ["--log-group", GROUP, "--log-format", DEMO_V5_FORMAT, "--out", "cloudwatch.json"],
      { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: emulator.endpoint },
    );

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const live = evidence("cloudwatch.json");
    expect(offline.entries.length).toBeGreaterThan(0);
    expect(live.entries).toEqual(offline.entries);
    expect(live.origins.map((origin) => origin.location)).toEqual([GROUP]);
    expect(run.stdout).toMatch(/^Read 362 slices \(.*\) from CloudWatch Logs group/);
    const followed = emulator.calls.filter(
      (call) => call.action === "FilterLogEvents" && call.params.nextToken !== undefined,
    );
    expect(followed.length).toBeGreaterThan(362);
  });

  it.each([
    ["plain text", "plain", "AWS_ENDPOINT_URL_S3"],
    ["Hive-style text", "hive", "AWS_ENDPOINT_URL"],
    ["Parquet", "parquet", "AWS_ENDPOINT_URL_S3"],
  ])("should write the offline evidence from %s objects in S3", async (_, prefix, variable) => {
    const out = `s3-${prefix}.json`;

    const run = await analyse(["--s3", `s3://${BUCKET}/${prefix}`, "--out", out], {
      [variable]: s3.endpoint,
    });

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const live = evidence(out);
    expect(live.entries).toEqual(offline.entries);
    expect(live.origins).toMatchObject([
      { location: `s3://${BUCKET}/${prefix}/`, files: offline.origins[0]!.files },
    ]);
  });

  it("should exit 3 naming the object when an object is not a complete gzip stream", async () => {
    const [object] = demoFlowLogObjects().slice(-1);
    const cut = { key: object!.key, body: gzipSync("x").subarray(0, 8) };
    await uploadObjects(s3.client, BUCKET, "corrupt/", [cut]);
    const before = filesOf(dir);

    const run = await analyse(["--s3", `s3://${BUCKET}/corrupt/`, "--out", "corrupt.json"], {
      AWS_ENDPOINT_URL_S3: s3.endpoint,
    });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`s3://${BUCKET}/corrupt/${cut.key} is not a complete gzip`);
    expect(filesOf(dir)).toEqual(before);
  });

  it("should exit 3 naming the log group when it does not exist", async () => {
    const run = await analyse(["--log-group", "/vpc/absent", "--out", "absent.json"], {
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: emulator.endpoint,
    });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("log group /vpc/absent");
    expect(run.stderr).toContain("ResourceNotFoundException");
  });

  it.each([
    [[], "give one of --flow-logs, --log-group or --s3"],
    [["--flow-logs", "logs", "--s3", "s3://b"], "give only one of"],
    [["--s3", `s3://${BUCKET}`, "--log-format", "version srcaddr"], "--log-format applies only"],
    [["--flow-logs", "logs", "--accounts", "111122223333"], "--accounts applies only with --s3"],
    [["--s3", "s3://bucket-b", "--accounts", "12345"], '--accounts "12345" is not a 12-digit'],
    [["--s3", "bucket/prefix"], '"bucket/prefix" is not an S3 URL'],
    [["--log-group", GROUP, "--log-format", "version Src"], '"Src", which are not field'],
  ])("should refuse %j as a usage error", async (args, message) => {
    const run = await analyse([...args, "--out", "refused.json"], {});

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
