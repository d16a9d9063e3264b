import { fc, test } from "@fast-check/vitest";
import { FlowLogFiles, FlowLogSourceError, S3FlowLogSource } from "@sg/aws-adapter";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoFlowLogs } from "../../../../../examples/demo/demo-flow-logs.js";
import {
  demoFlowLogObjects,
  hiveKey,
  type FlowLogObjectSeed,
} from "./support/demo-flow-log-objects.js";
import { collectLines, failureOf } from "./support/logs-client.js";
import { startS3Server, uploadObjects, type S3Server } from "./support/s3-server.js";
import { DEMO_WINDOW, lineShape } from "./support/s3-reading.js";

const BUCKET = "flow-logs";
const HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol " +
  "packets bytes start end action log-status";
const DAY = 86_400;

let s3: S3Server;
let objects: FlowLogObjectSeed[];
let demoDir: string;

beforeAll(async () => {
  s3 = await startS3Server([BUCKET]);
  objects = demoFlowLogObjects();
  await uploadObjects(s3.client, BUCKET, "plain/", objects);
  await uploadObjects(
    s3.client,
    BUCKET,
    "hive/",
    objects.map((object) => ({ ...object, key: hiveKey(object.key) })),
  );
  demoDir = mkdtempSync(join(tmpdir(), "sg-demo-"));
  generateDemoFlowLogs(demoDir);
});

afterAll(async () => {
  await s3?.stop();
  rmSync(demoDir, { recursive: true, force: true });
});

const sourceAt = (
  prefix: string,
  options: Partial<ConstructorParameters<typeof S3FlowLogSource>[0]> = {},
): S3FlowLogSource =>
  new S3FlowLogSource({
    client: s3.client,
    location: { bucket: BUCKET, prefix },
    window: DEMO_WINDOW,
    ...options,
  });

/** A small gzip text object of one record, delivered on `date` for `account` in `region`. */
const seedObject = (account: string, region: string, date: string, hive = false) => {
  const [year, month, day] = date.split("-");
  const folder = hive
    ? `AWSLogs/aws-account-id=${account}/aws-service=vpcflowlogs/aws-region=${region}/` +
      `year=${year}/month=${month}/day=${day}/`
    : `AWSLogs/${account}/vpcflowlogs/${region}/${year}/${month}/${day}/`;
  const record = `2 ${account} eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 60 1 2 ACCEPT OK`;
  return {
    key: `${folder}${account}_vpcflowlogs_${region}_fl-1_${date.replace(/-/g, "")}T0000Z_0.log.gz`,
    body: gzipSync(`${HEADER}\n${record} ${region}\n`),
  };
};

const keysRead = async (source: S3FlowLogSource): Promise<string[]> => [
  ...new Set((await collectLines(source)).map((line) => lineShape(line)[0])),
];

describe("S3FlowLogSource", () => {
  it("should yield the same lines as the offline reader yields from the same files", async () => {
    const offline = await collectLines(new FlowLogFiles([demoDir], { window: DEMO_WINDOW }));

    const live = await collectLines(sourceAt("plain/"));

    expect(live.map(lineShape)).toEqual(offline.map(lineShape));
    expect(live[0]?.location).toMatch(/^s3:\/\/flow-logs\/plain\/AWSLogs\/111122223333\//);
  });

  it("should read the Hive-compatible layout as it reads the default layout", async () => {
    const plain = await collectLines(sourceAt("plain/"));

    const hive = await collectLines(sourceAt("hive/"));

    expect(hive.map((line) => [line.lineNumber, line.header, line.text])).toEqual(
      plain.map((line) => [line.lineNumber, line.header, line.text]),
    );
    expect(hive[0]?.location).toContain("/AWSLogs/aws-account-id=111122223333/");
  });

  test.prop([fc.integer({ min: 1, max: 8 })], { numRuns: 4 })(
    "should yield the same lines whatever the concurrency",
    async (concurrency) => {
      const serial = await collectLines(sourceAt("plain/", { concurrency: 1 }));

      const parallel = await collectLines(sourceAt("plain/", { concurrency }));

      expect(parallel).toEqual(serial);
    },
  );

  it("should read only objects delivered within a day of the window", async () => {
    const window = { from: Date.parse("2026-03-10T00:00:00Z") / 1000, to: 0 };
    window.to = window.from + 2 * DAY - 1;
    const dates = ["2026-03-08", "2026-03-09", "2026-03-10", "2026-03-12", "2026-03-13"];
    const seeds = dates.map((date) => seedObject("111111111111", "eu-west-1", date));
    await uploadObjects(s3.client, BUCKET, "days/", seeds);

    const keys = await keysRead(sourceAt("days/", { window }));

    expect(keys).toEqual(seeds.slice(1, 4).map((seed) => seed.key));
  });

  it("should find every account and Region in both layouts and read them in order", async () => {
    const seeds = [
      seedObject("222222222222", "us-east-1", "2026-05-01"),
      seedObject("111111111111", "us-west-2", "2026-05-01", true),
      seedObject("111111111111", "eu-west-1", "2026-05-01"),
      seedObject("333333333333", "eu-west-1", "2026-05-01", true),
    ];
    await uploadObjects(s3.client, BUCKET, "org/", seeds);

    const keys = await keysRead(sourceAt("org/"));

    expect(keys).toEqual([seeds[2], seeds[1], seeds[0], seeds[3]].map((seed) => seed!.key));
  });

  it.each([
    [{ accounts: ["111111111111"] }, ["111111111111/eu-west-1", "111111111111/us-west-2"]],
    [{ regions: ["eu-west-1"] }, ["111111111111/eu-west-1", "333333333333/eu-west-1"]],
    [
      { accounts: ["333333333333", "222222222222"], regions: ["us-east-1"] },
      ["222222222222/us-east-1"],
    ],
  ])("should read only the chosen accounts and Regions: %j", async (choice, expected) => {
    const keys = await keysRead(sourceAt("org/", choice));

    expect(keys.map((key) => key.replace(/^.*?(\d{12})_vpcflowlogs_([^_]+)_.*$/, "$1/$2"))).toEqual(
      expected,
    );
  });

  it("should reject naming an account asked for that has no flow logs", async () => {
    const failure = await failureOf(sourceAt("org/", { accounts: ["444444444444"] }));

    expect(failure).toBeInstanceOf(FlowLogSourceError);
    expect(failure).toMatchObject({ problem: "missing" });
    expect(failure.message).toBe(
      "no flow logs for account 444444444444 under s3://flow-logs/org/AWSLogs/ " +
        "(found: 111111111111, 222222222222, 333333333333)",
    );
  });

  it("should reject a prefix that holds no flow logs at all", async () => {
    const failure = await failureOf(sourceAt("nothing-here/"));

    expect(failure).toMatchObject({ problem: "missing" });
    expect(failure.message).toContain("s3://flow-logs/nothing-here/AWSLogs/");
  });

  it("should yield an object's lines, then reject naming the damaged object after it", async () => {
    const good = seedObject("111111111111", "eu-west-1", "2026-05-01");
    const bad = seedObject("111111111111", "eu-west-1", "2026-05-02");
    const cut = { ...bad, body: bad.body.subarray(0, bad.body.length - 12) };
    await uploadObjects(s3.client, BUCKET, "corrupt/", [good, cut]);
    const seen: string[] = [];

    const failure = await (async () => {
      for await (const line of sourceAt("corrupt/").lines()) seen.push(line.location);
    })().then(
      () => new Error("expected the read to fail"),
      (error: Error) => error,
    );

    const where = (key: string): string => `s3://flow-logs/corrupt/${key}`;
    expect(seen).toEqual([where(good.key), where(good.key)]);
    expect(failure).toBeInstanceOf(FlowLogSourceError);
    expect(failure).toMatchObject({ problem: "corrupt", location: where(cut.key) });
    expect(failure.message).toContain(`${where(cut.key)} is not a complete gzip stream`);
  });

  it("should read uncompressed text objects and skip blank lines", async () => {
    const seed = seedObject("111111111111", "eu-west-1", "2026-05-01");
    const key = seed.key.replace(/\.gz$/, "");
    const record = "2 111111111111 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 60 1 2 ACCEPT OK";
    const text = `${HEADER}\r\n\r\n${record}`;
    await uploadObjects(s3.client, BUCKET, "text/", [{ key, body: text }]);

    const lines = await collectLines(sourceAt("text/"));

    expect(lines.map((line) => [line.lineNumber, line.header])).toEqual([
      [1, true],
      [3, false],
    ]);
  });

  it("should report every object done with the bytes fetched", async () => {
    const reports: { done: number }[] = [];
    const source = sourceAt("plain/", { onProgress: (progress) => reports.push(progress) });

    const lines = await collectLines(source);

    const read = objects.filter((object) => !object.key.includes("/2026/02/17/"));
    const bytes = read.reduce((sum, object) => sum + object.body.length, 0);
    expect(reports.map((report) => report.done)).toEqual(read.map((_, i) => i + 1));
    expect(source.progress()).toEqual({
      unit: "objects",
      done: read.length,
      known: read.length,
      bytes,
      lines: lines.filter((line) => !line.header).length,
    });
  });
});
