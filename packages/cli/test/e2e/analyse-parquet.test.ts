import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoFlowLogObjects,
  parquetKey,
  parquetOf,
} from "../../../aws-adapter/test/aws/flow-logs/support/demo-flow-log-objects.js";
import { filesOf, runCli } from "../support/run-cli.js";

const NOW = "2026-05-28T12:00:00Z";

interface EvidenceFile {
  readonly origins: { records: number; files?: number }[];
  readonly entries: unknown[];
}

let dir: string;

/**
 * The demo's delivered files under `folder`: every one as text, as Parquet, alternating, or
 * only the first as Parquet among many text files.
 */
const deliver = (folder: string, format: "text" | "parquet" | "mixed" | "one"): void => {
  demoFlowLogObjects().forEach(({ key, body }, index) => {
    const asParquet =
      format === "parquet" ||
      (format === "mixed" && index % 2 === 1) ||
      (format === "one" && index === 0);
    const path = join(dir, folder, asParquet ? parquetKey(key) : key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, asParquet ? parquetOf(body) : body);
  });
};

const analyse = (folder: string) =>
  runCli(
    ["analyse", "--flow-logs", folder, "--now", NOW, "--days", "90", "--out", `${folder}.json`],
    { cwd: dir },
  );

const evidence = (folder: string): EvidenceFile =>
  JSON.parse(readFileSync(join(dir, `${folder}.json`), "utf8")) as EvidenceFile;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sg-parquet-"));
  deliver("text", "text");
  deliver("parquet", "parquet");
  deliver("mixed", "mixed");
  deliver("one", "one");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("analyse --flow-logs over Parquet files", () => {
  it.each(["parquet", "mixed", "one"])(
    "should keep from %s files exactly the evidence of the same records as text",
    async (folder) => {
      const text = await analyse("text");
      const read = await analyse(folder);

      expect(text.code).toBe(0);
      expect(read.code).toBe(0);
      expect(evidence(folder).entries.length).toBeGreaterThan(0);
      expect(evidence(folder).entries).toEqual(evidence("text").entries);
      expect(evidence(folder).origins[0]?.records).toBe(evidence("text").origins[0]?.records);
    },
  );

  it("should stop at a damaged Parquet file, name it, and write nothing", async () => {
    const [first] = demoFlowLogObjects();
    const whole = parquetOf(first!.body);
    mkdirSync(join(dir, "damaged"));
    writeFileSync(join(dir, "damaged", "cut.log.parquet"), whole.subarray(0, whole.length - 40));
    const before = filesOf(dir);

    const run = await analyse("damaged");

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("cut.log.parquet is not a readable Parquet file");
    expect(filesOf(dir)).toEqual(before);
  });
});
