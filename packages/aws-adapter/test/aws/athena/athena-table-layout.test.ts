import {
  DOCUMENTED_COLUMNS,
  parseAthenaTable,
  tableLayoutOf,
  type AthenaPartitioning,
  type CatalogTable,
} from "@sg/aws-adapter";
import { describe, expect, it } from "vitest";

const COLUMNS = DOCUMENTED_COLUMNS.map((Name) => ({ Name, Type: "string" }));
const strings = (...names: string[]) => names.map((Name) => ({ Name, Type: "string" }));

describe("tableLayoutOf", () => {
  it.each<[string, CatalogTable, AthenaPartitioning]>([
    ["no partition keys", { Columns: COLUMNS }, { kind: "none" }],
    [
      "the documented DATE column",
      { Columns: COLUMNS, PartitionKeys: [{ Name: "date", Type: "date" }] },
      { kind: "date", column: "date" },
    ],
    [
      "projection's day with its format",
      {
        Columns: COLUMNS,
        PartitionKeys: strings("accid", "region", "day"),
        Parameters: { "projection.day.format": "yyyy-MM-dd" },
      },
      { kind: "text", column: "day", format: "yyyy-MM-dd" },
    ],
    [
      "projection's day without a format",
      { Columns: COLUMNS, PartitionKeys: strings("accid", "region", "day") },
      { kind: "text", column: "day", format: "yyyy/MM/dd" },
    ],
    [
      "a string date column",
      { Columns: COLUMNS, PartitionKeys: strings("date") },
      { kind: "text", column: "date", format: "yyyy-MM-dd" },
    ],
    [
      "Hive-style year, month, day and hour",
      {
        Columns: COLUMNS,
        PartitionKeys: strings("aws-account-id", "year", "month", "day", "hour"),
      },
      { kind: "hive" },
    ],
  ])("should read %s", (_, table, partitioning) => {
    // Act
    const layout = tableLayoutOf(table);

    // Assert
    expect(layout).toEqual({ ok: true, value: { partitioning, columns: DOCUMENTED_COLUMNS } });
  });

  it.each<[string, CatalogTable, string]>([
    [
      "a table without interface_id and dstport",
      { Columns: COLUMNS.filter(({ Name }) => Name !== "interface_id" && Name !== "dstport") },
      "it lacks the columns interface_id, dstport",
    ],
    [
      "partition keys without a day",
      { Columns: COLUMNS, PartitionKeys: strings("accid", "region") },
      "its partition keys (accid, region) have no day",
    ],
    [
      "an hourly projection format",
      {
        Columns: COLUMNS,
        PartitionKeys: strings("day"),
        Parameters: { "projection.day.format": "yyyy/MM/dd/HH" },
      },
      'its day format "yyyy/MM/dd/HH" has fields other than yyyy, MM and dd',
    ],
  ])("should refuse %s", (_, table, message) => {
    // Act
    const layout = tableLayoutOf(table);

    // Assert
    expect(layout).toMatchObject({ ok: false });
    expect(layout.ok ? "" : layout.error).toContain(message);
  });
});

describe("parseAthenaTable", () => {
  it.each([
    ["flow_logs.vpc_flow_logs", { database: "flow_logs", table: "vpc_flow_logs" }],
    ["db-1.Table_2", { database: "db-1", table: "Table_2" }],
  ])("should read %s", (text, table) => {
    expect(parseAthenaTable(text)).toEqual({ ok: true, value: table });
  });

  it.each(["vpc", "a.b.c", 'db."x"', "db.", "db.t; DROP TABLE x"])(
    "should refuse %s, quoting it",
    (text) => {
      expect(parseAthenaTable(text)).toEqual({
        ok: false,
        error:
          `Athena table "${text}" is not of the form DATABASE.TABLE ` +
          '(letters, digits, "_" and "-")',
      });
    },
  );
});
