import { fc, test } from "@fast-check/vitest";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { parquetLines } from "../../src/internal/parquet-lines.js";

const linesOf = async (buffer: ArrayBuffer): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of parquetLines(Buffer.from(buffer))) lines.push(line);
  return lines;
};

const row = fc.record({
  port: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: null }),
  bytes: fc.option(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), { nil: null }),
  action: fc.option(fc.constantFrom("ACCEPT", "REJECT", ""), { nil: null }),
});

describe("parquetLines", () => {
  test.prop([fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 7 })], {
    numRuns: 40,
  })(
    "should write each row's values in column order, nulls and empties as -",
    async (rows, size) => {
      // Arrange
      const buffer = parquetWriteBuffer({
        columnData: [
          { name: "dstport", type: "INT32", data: rows.map((r) => r.port) },
          { name: "bytes", type: "INT64", data: rows.map((r) => r.bytes) },
          { name: "action", type: "STRING", data: rows.map((r) => r.action) },
        ],
        rowGroupSize: size,
      });

      // Act
      const lines = await linesOf(buffer);

      // Assert
      const text = (value: unknown): string =>
        value === null || value === "" ? "-" : String(value);
      expect(lines).toEqual([
        "dstport bytes action",
        ...rows.map((r) => [r.port, r.bytes, r.action].map(text).join(" ")),
      ]);
    },
  );

  it("should keep INT64 values beyond 2^53 exact", async () => {
    const buffer = parquetWriteBuffer({
      columnData: [{ name: "bytes", type: "INT64", data: [9_007_199_254_740_993n] }],
    });

    expect(await linesOf(buffer)).toEqual(["bytes", "9007199254740993"]);
  });
});
