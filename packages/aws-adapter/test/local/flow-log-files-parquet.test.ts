import { FlowLogFiles, LocalFileError, probeFlowLogFile } from "@sg/aws-adapter";
import { normaliseFieldName } from "@sg/core";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  demoFlowLogObjects,
  parquetKey,
  parquetOf,
} from "../aws/flow-logs/support/demo-flow-log-objects.js";
import { removeTemporaryFolders, temporaryFolder } from "./fixtures/estate-builder.js";
import { collect } from "./fixtures/flow-log-tree.js";

afterAll(removeTemporaryFolders);

/** The demo's first few delivered files, written under `folder` as text or as Parquet. */
const writeDemo = async (folder: string, asParquet: boolean): Promise<void> => {
  for (const { key, body } of demoFlowLogObjects().slice(0, 4)) {
    const path = join(folder, asParquet ? parquetKey(key) : key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, asParquet ? parquetOf(body) : body);
  }
};

/** A line with a header's names normalised, so `account_id` and `account-id` compare equal. */
const comparable = (text: string, header: boolean): string =>
  header
    ? text
        .split(" ")
        .map((name) => normaliseFieldName(name) ?? name)
        .join(" ")
    : text;

describe("FlowLogFiles on Parquet files", () => {
  it("should read every row as the record line of its text twin", async () => {
    const textFolder = await temporaryFolder();
    const parquetFolder = await temporaryFolder();
    await writeDemo(textFolder, false);
    await writeDemo(parquetFolder, true);

    const text = await collect(new FlowLogFiles([textFolder]));
    const parquet = await collect(new FlowLogFiles([parquetFolder]));

    const shape = (lines: typeof text) =>
      lines.map((line) => [line.lineNumber, line.header, comparable(line.text, line.header)]);
    expect(parquet.length).toBeGreaterThan(4);
    expect(shape(parquet)).toEqual(shape(text));
  });

  it("should know Parquet and gzip files by their magic bytes, whatever their names", async () => {
    const folder = await temporaryFolder();
    const [demo] = demoFlowLogObjects();
    const parquet = parquetOf(demo!.body);
    await writeFile(join(folder, "rows.log.gz"), parquet);
    await writeFile(join(folder, "plain.log"), gunzipSync(demo!.body));
    await writeFile(join(folder, "rows.parquet"), demo!.body);

    expect(await probeFlowLogFile(join(folder, "rows.log.gz"))).toEqual({
      size: parquet.length,
      encoding: "parquet",
    });
    expect((await probeFlowLogFile(join(folder, "plain.log"))).encoding).toBe("plain");
    expect((await probeFlowLogFile(join(folder, "rows.parquet"))).encoding).toBe("gzip");
    expect((await collect(new FlowLogFiles([join(folder, "rows.log.gz")])))[0]?.header).toBe(true);
  });

  it("should name a damaged Parquet file and why it cannot be read", async () => {
    const folder = await temporaryFolder();
    const [demo] = demoFlowLogObjects();
    const whole = parquetOf(demo!.body);
    const path = join(folder, "cut.log.parquet");
    await writeFile(path, whole.subarray(0, whole.length - 40));

    const error: unknown = await collect(new FlowLogFiles([path])).catch((thrown) => thrown);

    expect(error).toBeInstanceOf(LocalFileError);
    expect((error as LocalFileError).problem).toBe("corrupt");
    expect((error as LocalFileError).message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a readable Parquet`),
    );
  });
});
