import { FlowLogSourceError, S3FlowLogSource, type FlowLogLine } from "@sg/aws-adapter";
import { normaliseFieldName } from "@sg/core";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoFlowLogObjects,
  parquetKey,
  parquetOf,
  type FlowLogObjectSeed,
} from "./support/demo-flow-log-objects.js";
import { collectLines, failureOf } from "./support/logs-client.js";
import { startS3Server, uploadObjects, type S3Server } from "./support/s3-server.js";
import { DEMO_WINDOW } from "./support/s3-reading.js";

const BUCKET = "parquet-logs";

let s3: S3Server;
let objects: FlowLogObjectSeed[];

beforeAll(async () => {
  s3 = await startS3Server([BUCKET]);
  objects = demoFlowLogObjects();
  await uploadObjects(s3.client, BUCKET, "text/", objects);
  await uploadObjects(
    s3.client,
    BUCKET,
    "parquet/",
    objects.map(({ key, body }) => ({ key: parquetKey(key), body: parquetOf(body) })),
  );
});

afterAll(async () => {
  await s3?.stop();
});

const read = (prefix: string): Promise<FlowLogLine[]> =>
  collectLines(
    new S3FlowLogSource({
      client: s3.client,
      location: { bucket: BUCKET, prefix },
      window: DEMO_WINDOW,
    }),
  );

/** A header line with every name normalised, so `account_id` and `account-id` compare equal. */
const normalised = (line: FlowLogLine): string =>
  line.header
    ? line.text
        .split(" ")
        .map((name) => normaliseFieldName(name) ?? name)
        .join(" ")
    : line.text;

describe("S3FlowLogSource on Parquet objects", () => {
  it("should turn every row into the record line its text twin holds", async () => {
    const text = await read("text/");

    const parquet = await read("parquet/");

    expect(parquet.map((line) => [line.lineNumber, line.header, normalised(line)])).toEqual(
      text.map((line) => [line.lineNumber, line.header, normalised(line)]),
    );
  });

  it("should head each file with its column names as the file spells them", async () => {
    const parquet = await read("parquet/");

    const headers = parquet.filter((line) => line.header).map((line) => line.text);
    expect(headers).toContain(
      "version account_id interface_id srcaddr dstaddr srcport dstport protocol packets bytes " +
        "start end action log_status",
    );
    expect(parquet.filter((line) => line.lineNumber === 1).every((line) => line.header)).toBe(true);
  });

  it("should write nulls as - and INT64 values in decimal", async () => {
    const parquet = await read("parquet/");

    const nodata = parquet.find((line) => line.text.endsWith(" NODATA"));
    expect(nodata?.text).toMatch(/^2 111122223333 eni-\S+ - - - - - - - \d{10} \d{10} - NODATA$/);
  });

  it.each([
    [
      "without the .parquet suffix",
      (key: string) => key.replace(/\.parquet$/, ""),
      (b: Buffer) => b,
    ],
    ["wrapped in gzip", (key: string) => `${key}.gz`, (b: Buffer) => gzipSync(b)],
  ])("should recognise a Parquet object %s by its magic", async (_, rename, wrap) => {
    const first = objects.at(-1);
    const key = rename(parquetKey(first!.key));
    await uploadObjects(s3.client, BUCKET, `magic-${key.length}/`, [
      { key, body: wrap(parquetOf(first!.body)) },
    ]);

    const lines = await read(`magic-${key.length}/`);

    expect(lines[0]?.text.startsWith("version account_id")).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("should reject naming the key of a Parquet object that is cut short", async () => {
    const first = objects.at(-1);
    const whole = parquetOf(first!.body);
    const key = parquetKey(first!.key);
    await uploadObjects(s3.client, BUCKET, "cut/", [
      { key, body: whole.subarray(0, whole.length - 40) },
    ]);

    const failure = await failureOf(
      new S3FlowLogSource({
        client: s3.client,
        location: { bucket: BUCKET, prefix: "cut/" },
        window: DEMO_WINDOW,
      }),
    );

    expect(failure).toBeInstanceOf(FlowLogSourceError);
    expect(failure).toMatchObject({ problem: "corrupt", location: `s3://${BUCKET}/cut/${key}` });
    expect(failure.message).toContain(`s3://${BUCKET}/cut/${key} is not a readable Parquet file`);
  });
});
