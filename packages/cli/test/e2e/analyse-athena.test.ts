import { athenaQuery, parseAthenaTable, PROJECTED_TABLE_LAYOUT } from "@sg/aws-adapter";
import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import {
  athenaRowsOf,
  DOCUMENTED_COLUMN_SEEDS,
  documentedTable,
} from "../../../aws-adapter/test/aws/athena/support/canned-results.js";
import {
  DEMO_WINDOW,
  demoFiles,
  keptRecords,
} from "../../../aws-adapter/test/aws/athena/support/demo-records.js";
import { emulatorEnv } from "../support/aggregation-sources.js";
import { filesOf, runCli, type CliRun } from "../support/run-cli.js";

const NOW = "2026-05-28T12:00:00Z";
const DAY = 86_400;
const OUTPUT = "s3://athena-results/sg-tightener/";
const PAGE_SIZE = 7;
/** Aggregate over the demo's table, its result written under {@link OUTPUT}. */
const ON_VPC = ["--athena-table", "flows.vpc", "--athena-output", OUTPUT];

interface EvidenceFile {
  readonly origins: { kind: string; location: string; highWater?: string }[];
  readonly entries: unknown[];
}

let dir: string;
let emulator: EmulatorHandle;
let offline: EvidenceFile;
let resultRows: number;

const evidence = (name: string): EvidenceFile =>
  JSON.parse(readFileSync(join(dir, name), "utf8")) as EvidenceFile;

const analyse = (args: readonly string[]): Promise<CliRun> =>
  runCli(["analyse", "--now", NOW, "--days", "90", ...args], {
    cwd: dir,
    env: emulatorEnv(emulator.endpoint),
  });

const athenaCalls = (action: string) =>
  emulator.calls.filter((call) => call.service === "athena" && call.action === action);

/** A UTC day as `format` (made of yyyy, MM and dd) writes it. */
const dayOf = (seconds: number, format: string): string => {
  const [year = "", month = "", day = ""] = new Date(seconds * 1000)
    .toISOString()
    .slice(0, 10)
    .split("-");
  return format.replace("yyyy", year).replace("MM", month).replace("dd", day);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sg-athena-"));
  generateDemoFlowLogs(join(dir, "logs"));
  const rows = athenaRowsOf(keptRecords(demoFiles(join(dir, "logs")), DEMO_WINDOW));
  resultRows = rows.length;

  emulator = await startEmulator();
  emulator.athena.pace({ pageSize: PAGE_SIZE, queuedPolls: 1, runningPolls: 1 });
  emulator.athena.registerTable("flows.vpc", documentedTable(rows, 4_096));
  emulator.athena.registerTable("flows.projected", {
    ...documentedTable(rows),
    partitionKeys: ["accid", "region", "day"].map((Name) => ({ Name, Type: "string" })),
    parameters: {
      "projection.enabled": "true",
      "projection.day.type": "date",
      "projection.day.format": "yyyy/MM/dd",
    },
  });
  emulator.athena.registerTable("flows.bare", {
    ...documentedTable(rows),
    columns: DOCUMENTED_COLUMN_SEEDS.filter(({ Name }) => Name !== "dstaddr"),
  });

  const run = await analyse(["--flow-logs", "logs", "--out", "offline.json"]);
  if (run.code !== 0) throw new Error(`offline analyse failed: ${run.stderr}`);
  offline = evidence("offline.json");
});

afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("analyse --athena-table", () => {
  it("should write what analyse --flow-logs writes, from every page of the result", async () => {
    // Arrange
    const before = athenaCalls("GetQueryResults").length;

    // Act
    const run = await analyse([...ON_VPC, "--out", "athena.json"]);

    // Assert
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const athena = evidence("athena.json");
    expect(offline.entries.length).toBeGreaterThan(20);
    expect(athena.entries).toEqual(offline.entries);
    expect(athena.origins).toEqual([
      { kind: "flow-logs", location: "athena:flows.vpc", highWater: NOW },
    ]);
    const pages = athenaCalls("GetQueryResults").slice(before);
    expect(pages).toHaveLength(Math.ceil((resultRows + 1) / PAGE_SIZE));
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.slice(1).every((page) => page.params["NextToken"] !== undefined)).toBe(true);
    expect(run.stdout).toMatch(/^Athena query \S+ scanned 4096 bytes\.\n/);
    expect(run.stdout).toContain(`Kept ${offline.entries.length} distinct tuples as evidence.`);
  });

  it("should start the query in the workgroup, writing under the output location", async () => {
    // Arrange
    const before = emulator.athena.queries.length;

    // Act
    const workgroup = ["--athena-workgroup", "security"];
    const run = await analyse([...ON_VPC, ...workgroup, "--out", "workgroup.json"]);

    // Assert
    expect(run.code).toBe(0);
    const [started] = athenaCalls("StartQueryExecution").slice(before);
    expect(started?.params).toMatchObject({
      WorkGroup: "security",
      QueryExecutionContext: { Database: "flows", Catalog: "AwsDataCatalog" },
      ResultConfiguration: { OutputLocation: OUTPUT },
    });
    expect(emulator.athena.queries.slice(before)).toMatchObject([
      { workGroup: "security", outputLocation: OUTPUT, database: "flows" },
    ]);
  });

  it("should scan only the partitions of the window's days and one either side", async () => {
    // Arrange
    const before = emulator.athena.queries.length;

    // Act
    const run = await analyse([...ON_VPC, "--out", "days.json"]);

    // Assert
    expect(run.code).toBe(0);
    const [query] = emulator.athena.queries.slice(before);
    const first = dayOf(DEMO_WINDOW.from - DAY, "yyyy-MM-dd");
    const last = dayOf(DEMO_WINDOW.to + DAY, "yyyy-MM-dd");
    expect(query?.query).toContain(`FROM "flows"."vpc"\n`);
    expect(query?.query).toContain(`WHERE "date" BETWEEN DATE '${first}' AND DATE '${last}'\n`);
    expect(query?.query).toContain(`AND "end" >= ${DEMO_WINDOW.from}\n`);
    expect(query?.query).toContain(`AND "start" <= ${DEMO_WINDOW.to}\n`);
  });
});

describe("analyse --athena-table --print-query", () => {
  it("should print the query for the table's layout, run nothing and write nothing", async () => {
    // Arrange
    const table = parseAthenaTable("flows.projected");
    if (!table.ok) throw new Error(table.error);
    const [called, files] = [emulator.calls.length, filesOf(dir)];

    // Act
    const run = await analyse(["--athena-table", "flows.projected", "--print-query"]);

    // Assert
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${athenaQuery(table.value, DEMO_WINDOW, PROJECTED_TABLE_LAYOUT)}\n`);
    const [first, last] = [DEMO_WINDOW.from - DAY, DEMO_WINDOW.to + DAY];
    expect(run.stdout).toContain(
      `"day" BETWEEN '${dayOf(first, "yyyy/MM/dd")}' AND '${dayOf(last, "yyyy/MM/dd")}'`,
    );
    expect(emulator.calls.slice(called).map((call) => call.action)).toEqual(["GetTableMetadata"]);
    expect(filesOf(dir)).toEqual(files);
  });
});

describe("analyse --athena-table refusals", () => {
  it.each([
    [["--athena-table", "flows.vpc"], "--athena-output is required"],
    [["--athena-table", "flows", "--athena-output", OUTPUT], '"flows" is not of the form'],
    [["--athena-table", "a.b.c", "--athena-output", OUTPUT], '"a.b.c" is not of the form'],
    [["--athena-table", 'flows."vpc"', "--print-query"], "is not of the form DATABASE.TABLE"],
    [["--athena-table", "flows.vpc", "--athena-output", "b/x"], '--athena-output "b/x" is not'],
    [["--print-query"], "--print-query applies only with --athena-table"],
    [["--athena-output", OUTPUT, "--flow-logs", "logs"], "applies only with --athena-table"],
    [["--athena-table", "flows.vpc", "--insights"], "only one of --athena-table or --insights"],
    [[...ON_VPC, "--flow-logs", "logs"], "reads no logs itself: leave out --flow-logs"],
    [[...ON_VPC, "--log-group", "flows"], "reads no logs itself: leave out --log-group"],
  ])("should refuse %j as a usage error before calling AWS", async (args, message) => {
    // Arrange
    const [called, files] = [emulator.calls.length, filesOf(dir)];

    // Act
    const run = await analyse([...args, "--out", "refused.json"]);

    // Assert
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("internal error");
    expect(run.code).toBe(2);
    expect(emulator.calls).toHaveLength(called);
    expect(filesOf(dir)).toEqual(files);
  });

  it("should exit 3 with Athena's reason and write nothing when a query fails", async () => {
    // Arrange
    emulator.athena.failQueries("SYNTAX_ERROR: line 3:7: Column 'x' cannot be resolved");
    const files = filesOf(dir);

    // Act
    const run = await analyse([...ON_VPC, "--out", "failed.json"]);

    // Assert
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /Athena query \S+ on flows\.vpc ended FAILED: SYNTAX_ERROR: line 3:7: Column 'x'/,
    );
    expect(run.stderr).not.toContain("internal error");
    expect(filesOf(dir)).toEqual(files);
  });

  it.each([
    ["flows.missing", "flows.missing", "Table missing not found in database flows"],
    ["flows.bare", "flows.bare", "it lacks the columns dstaddr"],
  ])(
    "should exit 3 naming the table and write nothing when %s cannot be queried",
    async (table, named, reason) => {
      // Arrange
      const [queries, files] = [emulator.athena.queries.length, filesOf(dir)];

      // Act
      const on = ["--athena-table", table, "--athena-output", OUTPUT];
      const run = await analyse([...on, "--out", "unusable.json"]);

      // Assert
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(named);
      expect(run.stderr).toContain(reason);
      expect(emulator.athena.queries).toHaveLength(queries);
      expect(filesOf(dir)).toEqual(files);
    },
  );
});
