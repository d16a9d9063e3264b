import {
  athenaEvidence,
  athenaQuery,
  FlowLogSourceError,
  parseAthenaTable,
  PROJECTED_TABLE_LAYOUT,
} from "@sg/aws-adapter";
import { AthenaClient, StopQueryExecutionCommand } from "@aws-sdk/client-athena";
import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  athenaRowsOf,
  clientAt,
  DOCUMENTED_COLUMN_SEEDS,
  documentedTable,
  FAST_POLL,
} from "./support/canned-results.js";
import {
  analyseEntries,
  DEMO_WINDOW,
  demoFiles,
  demoFolder,
  keptRecords,
} from "./support/demo-records.js";

const OUTPUT = "s3://athena-results/sg-tightener/";
const WINDOW = { from: 1_772_193_600, to: 1_779_969_600 }; // 2026-02-27 12:00 … 2026-05-28 12:00
const ROWS = [
  ["eni-0a", "10.20.0.10", "6", "443", "10.0.10.1", "1772200000", "1772200050", "3"],
  ["eni-0a", "10.20.0.10", "6", "443", "10.0.10.2", "1772200100", "1772200150", "1"],
  ["eni-0a", "10.20.0.10", "1", "0", "10.0.10.3", "1772200200", "1772200250", "2"],
  ["eni-0b", "10.20.0.11", "17", "53", "192.168.1.9", "1772300000", "1772300060", "5"],
  ["eni-0b", "10.20.0.11", "6", "22", "172.16.4.4", "1772400000", "1772400060", "1"],
  ["eni-0c", "10.20.1.10", "6", "5432", "10.4.8.1", "1772500000", "1772500060", "7"],
  ["eni-0c", "10.20.1.10", "6", "5432", "10.4.8.2", "1772600000", "1772600060", "2"],
];

let emulator: EmulatorHandle;

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.athena.pace({ pageSize: 3, queuedPolls: 1, runningPolls: 2 });
});

afterEach(async () => {
  await emulator.stop();
});

const read = (table = "flows.vpc", workgroup?: string) =>
  athenaEvidence({
    client: clientAt(emulator.endpoint),
    table,
    output: OUTPUT,
    window: WINDOW,
    poll: FAST_POLL,
    ...(workgroup === undefined ? {} : { workgroup }),
  });

const failureOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the read to fail, but it succeeded");
};

const callsOf = (action: string) =>
  emulator.calls.filter((call) => call.service === "athena" && call.action === action);

describe("athenaEvidence over the wire", () => {
  it("should read every row of a result paged three rows at a time", async () => {
    // Arrange
    emulator.athena.registerTable("flows.vpc", documentedTable(ROWS, 123_456));

    // Act
    const evidence = await read();

    // Assert
    expect(evidence.entries).toHaveLength(ROWS.length);
    expect(callsOf("GetQueryResults")).toHaveLength(Math.ceil((ROWS.length + 1) / 3));
    expect(evidence.scannedBytes).toBe(123_456);
  });

  it("should poll through QUEUED and RUNNING until the query succeeds", async () => {
    // Arrange
    emulator.athena.registerTable("flows.vpc", documentedTable(ROWS));
    emulator.athena.pace({ queuedPolls: 2, runningPolls: 3 });

    // Act
    await read();

    // Assert
    expect(callsOf("GetQueryExecution")).toHaveLength(2 + 3 + 1);
  });

  it("should start the query with the output location, workgroup and database", async () => {
    // Arrange
    emulator.athena.registerTable("flows.vpc", documentedTable(ROWS));

    // Act
    const evidence = await read("flows.vpc", "security");

    // Assert
    expect(emulator.athena.queries).toEqual([
      {
        queryExecutionId: evidence.queryExecutionId,
        query: evidence.query,
        database: "flows",
        catalog: "AwsDataCatalog",
        workGroup: "security",
        outputLocation: OUTPUT,
      },
    ]);
  });

  it("should reject with Athena's reason when the query ends FAILED", async () => {
    // Arrange
    emulator.athena.registerTable("flows.vpc", documentedTable(ROWS));
    emulator.athena.failQueries("SYNTAX_ERROR: line 3:7: Column 'x' cannot be resolved");

    // Act
    const error = await failureOf(read());

    // Assert
    expect(error).toBeInstanceOf(FlowLogSourceError);
    expect(error.message).toMatch(/ended FAILED: SYNTAX_ERROR: line 3:7: Column 'x'/);
  });

  it("should reject with Athena's reason when someone cancels the query", async () => {
    // Arrange
    emulator.athena.registerTable("flows.vpc", documentedTable(ROWS));
    const athena = new AthenaClient({ ...clientAt(emulator.endpoint) });

    // Act
    const error = await failureOf(
      athenaEvidence({
        client: clientAt(emulator.endpoint),
        table: "flows.vpc",
        output: OUTPUT,
        window: WINDOW,
        poll: FAST_POLL,
        onStarted: (id) =>
          void athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id })),
      }),
    );

    // Assert
    expect(error.message).toContain("ended CANCELLED: Query was cancelled by user");
    athena.destroy();
  });

  it("should reject naming the table when the catalog does not know it", async () => {
    // Act
    const error = await failureOf(read("flows.missing"));

    // Assert
    expect(error).toMatchObject({ problem: "missing", location: "flows.missing" });
  });

  it("should reject naming the row and the value when a result row is not evidence", async () => {
    // Arrange
    const bad = ["eni-0a", "10.20.0.300", "6", "443", "10.0.10.1", "1", "2", "1"];
    emulator.athena.registerTable("flows.vpc", documentedTable([...ROWS.slice(0, 4), bad]));

    // Act
    const error = await failureOf(read());

    // Assert
    expect(error).toMatchObject({ problem: "corrupt" });
    expect(error.message).toContain("result row 5 (eni-0a 10.20.0.300");
    expect(error.message).toContain('destination "10.20.0.300" has octet 4 300, above 255');
  });

  it("should refuse a table without the columns of AWS's flow-log table", async () => {
    // Arrange
    const columns = DOCUMENTED_COLUMN_SEEDS.filter(({ Name }) => Name !== "interface_id");
    emulator.athena.registerTable("flows.vpc", { ...documentedTable(ROWS), columns });

    // Act
    const error = await failureOf(read());

    // Assert
    expect(error.message).toContain("it lacks the columns interface_id");
    expect(emulator.athena.queries).toHaveLength(0);
  });
});

describe("athenaEvidence partition detection", () => {
  it.each([
    [
      "the documented DATE partition",
      [{ Name: "date", Type: "date" }],
      {},
      `"date" BETWEEN DATE '2026-02-26' AND DATE '2026-05-29'`,
    ],
    [
      "partition projection's day",
      [
        { Name: "accid", Type: "string" },
        { Name: "region", Type: "string" },
        { Name: "day", Type: "string" },
      ],
      {
        "projection.enabled": "true",
        "projection.day.type": "date",
        "projection.day.format": "yyyy/MM/dd",
      },
      `"day" BETWEEN '2026/02/26' AND '2026/05/29'`,
    ],
    [
      "Hive-style year, month and day",
      ["aws-account-id", "aws-service", "aws-region", "year", "month", "day", "hour"].map(
        (Name) => ({ Name, Type: "string" }),
      ),
      {},
      `concat("year", '-', "month", '-', "day") BETWEEN '2026-02-26' AND '2026-05-29'`,
    ],
  ])(
    "should restrict the scan to the window's days for %s",
    async (_, keys, parameters, condition) => {
      // Arrange
      emulator.athena.registerTable("flows.vpc", {
        ...documentedTable(ROWS),
        partitionKeys: keys,
        parameters,
      });

      // Act
      const evidence = await read();

      // Assert
      expect(emulator.athena.queries[0]?.query).toContain(`WHERE ${condition}\n`);
      expect(evidence.entries).toHaveLength(ROWS.length);
    },
  );

  it("should build the same query as athenaQuery for the layout it detected", async () => {
    // Arrange
    emulator.athena.registerTable("flows.vpc", {
      ...documentedTable(ROWS),
      partitionKeys: [{ Name: "day", Type: "string" }],
    });
    const table = parseAthenaTable("flows.vpc");
    if (!table.ok) throw new Error(table.error);

    // Act
    const evidence = await read();

    // Assert
    expect(evidence.layout).toEqual(PROJECTED_TABLE_LAYOUT);
    expect(evidence.query).toBe(athenaQuery(table.value, WINDOW, PROJECTED_TABLE_LAYOUT));
  });
});

describe("athenaEvidence on the demo flow logs", () => {
  let folder: string;

  beforeAll(() => {
    folder = demoFolder();
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("should return exactly the entries analyse --flow-logs keeps", async () => {
    // Arrange
    const rows = athenaRowsOf(keptRecords(demoFiles(folder), DEMO_WINDOW));
    emulator.athena.registerTable("flows.vpc", documentedTable(rows));
    emulator.athena.pace({ pageSize: 7 });

    // Act
    const evidence = await athenaEvidence({
      client: clientAt(emulator.endpoint),
      table: "flows.vpc",
      output: OUTPUT,
      window: DEMO_WINDOW,
      poll: FAST_POLL,
    });

    // Assert
    const expected = await analyseEntries(folder, DEMO_WINDOW);
    expect(expected.length).toBeGreaterThan(20);
    expect(evidence.entries).toEqual(expected);
  });
});
