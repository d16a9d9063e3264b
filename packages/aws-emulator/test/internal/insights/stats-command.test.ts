import { describe, expect, it } from "vitest";
import { applyStats, parseStatsCommand } from "../../../src/internal/insights/stats-command.js";

const row = (timestamp: number, fields: Record<string, string>) => ({ timestamp, fields });

describe("parseStatsCommand", () => {
  it("should read the last stats command's aggregations, groupings and aliases", () => {
    // Act
    const command = parseStatsCommand(
      'filter a = "x" | stats count(*) as n, min(t) as first, max(t), sum(b) by k, j as other',
    );

    // Assert
    expect(command).toEqual({
      ok: true,
      value: {
        aggregates: [
          { fn: "count", field: undefined, name: "n" },
          { fn: "min", field: "t", name: "first" },
          { fn: "max", field: "t", name: "max(t)" },
          { fn: "sum", field: "b", name: "sum(b)" },
        ],
        groupings: [
          { field: "k", name: "k" },
          { field: "j", name: "other" },
        ],
      },
    });
  });

  it.each([
    ["fields @message | limit 5", "the emulator answers only queries with a stats command"],
    ["stats avg(x) by k", 'cannot read the aggregation "avg(x)"'],
  ])("should refuse %s", (query, reason) => {
    expect(parseStatsCommand(query)).toEqual({ ok: false, error: reason });
  });
});

describe("applyStats", () => {
  it("should group by the by-fields, compare numbers as numbers, skip rows lacking one", () => {
    // Arrange
    const command = parseStatsCommand("stats count(*) as n, min(t) as lo, max(t) as hi by k");
    if (!command.ok) throw new Error(command.error);
    const rows = [
      row(1, { k: "a", t: "9" }),
      row(2, { k: "a", t: "10" }),
      row(3, { k: "b", t: "5" }),
      row(4, { t: "1" }),
    ];

    // Act
    const results = applyStats(command.value, rows);

    // Assert
    expect(results).toEqual([
      [
        { field: "k", value: "a" },
        { field: "n", value: "2" },
        { field: "lo", value: "9" },
        { field: "hi", value: "10" },
      ],
      [
        { field: "k", value: "b" },
        { field: "n", value: "1" },
        { field: "lo", value: "5" },
        { field: "hi", value: "5" },
      ],
    ]);
  });
});
