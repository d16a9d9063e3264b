import {
  athenaQuery,
  insightsQuery,
  DOCUMENTED_COLUMNS,
  DOCUMENTED_TABLE_LAYOUT,
  type AthenaPartitioning,
} from "@sg/aws-adapter";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const TABLE = { database: "flows", table: "vpc" };
const WINDOW = { from: 1_772_193_600, to: 1_779_969_600 };
const V2_COLUMNS = DOCUMENTED_COLUMNS.slice(0, 14);

describe("athenaQuery", () => {
  it.each<[string, AthenaPartitioning, string | undefined]>([
    [
      "a DATE partition",
      { kind: "date", column: "date" },
      `WHERE "date" BETWEEN DATE '2026-02-26' AND DATE '2026-05-29'`,
    ],
    [
      "a text day partition",
      { kind: "text", column: "day", format: "yyyy/MM/dd" },
      `WHERE "day" BETWEEN '2026/02/26' AND '2026/05/29'`,
    ],
    [
      "Hive-style partitions",
      { kind: "hive" },
      `WHERE concat("year", '-', "month", '-', "day") BETWEEN '2026-02-26' AND '2026-05-29'`,
    ],
    ["no partition", { kind: "none" }, undefined],
  ])(
    "should keep the scan to the window's days and one either side, for %s",
    (_, partitioning, condition) => {
      // Act
      const query = athenaQuery(TABLE, WINDOW, { partitioning, columns: DOCUMENTED_COLUMNS });

      // Assert
      const where = query.split("\n").find((line) => line.trimStart().startsWith("WHERE"));
      expect(where?.trim()).toBe(condition ?? `WHERE "end" >= ${WINDOW.from}`);
    },
  );

  it.each([
    ["tcp_flags", "bitwise_and"],
    ["pkt_srcaddr", "pkt_srcaddr"],
    ["flow_direction", "'egress'"],
    ["log_status", "log_status"],
  ])("should test %s only when the table has it", (column, text) => {
    // Act
    const full = athenaQuery(TABLE, WINDOW, DOCUMENTED_TABLE_LAYOUT);
    const without = athenaQuery(TABLE, WINDOW, {
      ...DOCUMENTED_TABLE_LAYOUT,
      columns: DOCUMENTED_COLUMNS.filter((name) => name !== column),
    });

    // Assert
    expect(full).toContain(text);
    expect(without).not.toContain(text);
  });

  it("should read the source from srcaddr alone in a version 2 table", () => {
    // Act
    const query = athenaQuery(TABLE, WINDOW, { ...DOCUMENTED_TABLE_LAYOUT, columns: V2_COLUMNS });

    // Assert
    expect(query).toContain("    srcaddr AS source\n");
    expect(query).toContain("      AND srcport >= dstport\n");
  });
});

describe("the README", () => {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const block = (fence: string, after: string): string => {
    const start = readme.indexOf(`${fence}\n`, readme.indexOf(after)) + fence.length + 1;
    return readme.slice(start, readme.indexOf("\n```", start));
  };

  it("should show exactly the Athena query the documented table gets", () => {
    expect(block("```sql", "### The Athena table it expects")).toBe(
      athenaQuery(TABLE, WINDOW, DOCUMENTED_TABLE_LAYOUT),
    );
  });

  it("should show exactly the Logs Insights query the default format gets", () => {
    expect(block("```", "### Logs Insights")).toBe(
      insightsQuery({ from: 1_780_000_000, to: 1_780_086_399 }),
    );
  });
});
