import { fc, test } from "@fast-check/vitest";
import {
  athenaQuery,
  DOCUMENTED_COLUMNS,
  DOCUMENTED_TABLE_LAYOUT,
  PROJECTED_TABLE_LAYOUT,
  type AthenaTableLayout,
} from "@sg/aws-adapter";
import { parseIpv4, type EvidenceEntry } from "@sg/core";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analyseEntries,
  DEMO_WINDOW,
  demoFiles,
  demoFolder,
  linesSource,
} from "./support/demo-records.js";
import { DuckAthena, type TableRow } from "./support/duckdb-athena.js";

const TABLE = { database: "flows", table: "vpc" };
const V2_COLUMNS = DOCUMENTED_COLUMNS.slice(0, 14);

const entriesOf = (rows: readonly (string | null)[][]): EvidenceEntry[] =>
  rows
    .map(([interfaceId, dst, protocol, port, source, first, last, count]) => ({
      interfaceId: interfaceId!,
      destination: (parseIpv4(dst!) as { value: number }).value,
      protocol: Number(protocol),
      port: Number(port),
      source: (parseIpv4(source!) as { value: number }).value,
      firstSeen: Number(first),
      lastSeen: Number(last),
      count: Number(count),
      provenance: ["flow-logs" as const],
    }))
    .sort(
      (a, b) =>
        (a.interfaceId < b.interfaceId ? -1 : a.interfaceId > b.interfaceId ? 1 : 0) ||
        a.destination - b.destination ||
        a.protocol - b.protocol ||
        a.port - b.port ||
        a.source - b.source,
    );

const runQuery = async (
  rows: readonly TableRow[],
  layout: AthenaTableLayout,
  window: { from: number; to: number },
): Promise<EvidenceEntry[]> => {
  const duck = await DuckAthena.open(TABLE, layout.columns);
  try {
    await duck.load(rows);
    return entriesOf(await duck.query(athenaQuery(TABLE, window, layout)));
  } finally {
    duck.close();
  }
};

describe("the Athena query run by DuckDB over the demo flow logs", () => {
  let folder: string;
  let rows: TableRow[];

  beforeAll(() => {
    folder = demoFolder();
    rows = demoFiles(folder).flatMap(({ header, lines, day }) => {
      const fields = header.split(" ");
      return lines.map((line) => {
        const tokens = line.split(" ");
        return { day, values: Object.fromEntries(fields.map((f, i) => [f, tokens[i] ?? "-"])) };
      });
    });
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    ["the documented DATE partition", DOCUMENTED_TABLE_LAYOUT],
    ["partition projection's day", PROJECTED_TABLE_LAYOUT],
  ])("should select exactly what analyse --flow-logs keeps, for %s", async (_, layout) => {
    // Act
    const selected = await runQuery(rows, layout, DEMO_WINDOW);

    // Assert
    expect(selected).toEqual(await analyseEntries(folder, DEMO_WINDOW));
  });
});

const WINDOW = { from: 1_000_000, to: 1_000_500 };
const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** A few values of each field, weighted so that most records could be evidence. */
const recordArbitrary = fc.record({
  "interface-id": pick("eni-a", "eni-b", "eni-a", "eni-b", "-"),
  srcaddr: pick(
    ...["10.0.0.1", "10.0.0.2", "172.16.5.5", "192.168.1.1", "10.0.0.1", "192.168.1.1"],
    ...["172.32.0.1", "8.8.8.8", "2001:db8::1", "-"],
  ),
  "pkt-srcaddr": pick(
    "-",
    "-",
    "-",
    "-",
    "-",
    "10.9.9.9",
    "172.31.0.7",
    "100.64.0.1",
    "2001:db8::9",
  ),
  dstaddr: pick("10.20.0.10", "10.20.0.11", "10.20.0.10", "10.20.0.11", "2001:db8::2", "-"),
  srcport: pick("22", "123", "443", "1000", "40000", "40001", "0", "-"),
  dstport: pick("22", "123", "443", "1000", "40000", "40001", "0", "-"),
  protocol: pick("6", "6", "6", "17", "17", "1", "50", "-"),
  start: fc.oneof(
    {
      arbitrary: fc.integer({ min: WINDOW.from - 150, max: WINDOW.to + 50 }).map(String),
      weight: 9,
    },
    { arbitrary: pick("-"), weight: 1 },
  ),
  length: fc.integer({ min: 0, max: 120 }),
  action: pick("ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "REJECT", "-"),
  "log-status": pick("OK", "OK", "OK", "OK", "OK", "NODATA", "SKIPDATA", "-"),
  "tcp-flags": pick("0", "1", "2", "2", "3", "3", "4", "6", "16", "18", "19", "22", "-"),
  "flow-direction": pick("ingress", "ingress", "ingress", "ingress", "egress", "-"),
});

const V5_FIELDS = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
  "vpc-id",
  "subnet-id",
  "instance-id",
  "tcp-flags",
  "type",
  "pkt-srcaddr",
  "pkt-dstaddr",
  "region",
  "az-id",
  "sublocation-type",
  "sublocation-id",
  "pkt-src-aws-service",
  "pkt-dst-aws-service",
  "flow-direction",
  "traffic-path",
];

describe("the Athena query on any records", () => {
  test.prop([fc.array(recordArbitrary, { minLength: 20, maxLength: 80 }), fc.boolean()], {
    numRuns: 60,
  })("should select exactly what the core's evidence rules keep", async (records, v2) => {
    // Arrange
    const fields = v2 ? V5_FIELDS.slice(0, 14) : V5_FIELDS;
    const rows = records.map(({ length, ...record }) => {
      const end = record.start === "-" ? "-" : String(Number(record.start) + length);
      const values: Record<string, string> = { version: v2 ? "2" : "5", ...record, end };
      return Object.fromEntries(fields.map((field) => [field, values[field] ?? "-"]));
    });
    const lines = rows.map((row) => fields.map((field) => row[field]).join(" "));
    const layout = {
      partitioning: { kind: "none" as const },
      columns: v2 ? V2_COLUMNS : DOCUMENTED_COLUMNS,
    };

    // Act
    const selected = await runQuery(
      rows.map((values) => ({ values, day: "1970-01-12" })),
      layout,
      WINDOW,
    );

    // Assert
    expect(selected).toEqual(await analyseEntries(linesSource(fields.join(" "), lines), WINDOW));
  });
});
