import {
  parquetMetadata,
  parquetRead,
  parquetSchema,
  type ColumnData,
  type Compressors,
} from "hyparquet";
import { brotliDecompressSync, unzipSync } from "node:zlib";

/**
 * Codecs beyond hyparquet's own (uncompressed and Snappy): AWS writes flow-log Parquet with
 * Gzip; Brotli comes free with Node's zlib.
 */
const COMPRESSORS: Compressors = {
  GZIP: (input) => unzipSync(input),
  BROTLI: (input) => brotliDecompressSync(input),
};

/**
 * Turns a Parquet flow-log file into the text lines the core parser reads: first a header
 * naming the columns in the file's order (`account_id`, `log_status`, … which the core
 * normalises), then one line per row with the values in that order, space-separated. Nulls
 * and empty strings become `-`, as in text delivery; integers, including INT64 columns
 * read as BigInt, are written in decimal. Row groups are decoded one at a time, column by
 * column (hyparquet's row objects would cost a transpose the lines do not need).
 */
export async function* parquetLines(bytes: Buffer): AsyncGenerator<string> {
  const file = new Uint8Array(bytes).buffer;
  const metadata = parquetMetadata(file);
  const names = parquetSchema(metadata).children.map((column) => column.element.name);
  yield names.join(" ");

  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const chunks = new Map<string, ColumnData[]>(names.map((name) => [name, []]));
    await parquetRead({
      file,
      metadata,
      rowStart,
      rowEnd,
      compressors: COMPRESSORS,
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk),
    });

    const columns = names.map((name) => columnReader(chunks.get(name) ?? []));
    for (let row = rowStart; row < rowEnd; row += 1) {
      yield columns.map((valueAt) => fieldText(valueAt(row))).join(" ");
    }
    rowStart = rowEnd;
  }
}

/** The value of a column at an absolute row, from the chunks decoded for it. */
const columnReader = (chunks: readonly ColumnData[]) => {
  let current = chunks[0];
  return (row: number): unknown => {
    if (current === undefined || row < current.rowStart || row >= current.rowEnd) {
      current = chunks.find((chunk) => row >= chunk.rowStart && row < chunk.rowEnd);
    }
    return current?.columnData[row - current.rowStart];
  };
};

const fieldText = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "-";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return String(value);
};
