import { DuckDBInstance } from "@duckdb/node-api";
import { join } from "node:path";

/** What DuckDB's distinct-tuple query returned, and how long it took. */
export interface DuckDbRun {
  readonly seconds: number;
  /** CPU seconds of this process, every DuckDB thread included. */
  readonly cpu: number;
  readonly distinct: number;
}

/**
 * The aggregation the tool does, as an engine built for it would: the distinct (interface,
 * destination, port, protocol, source) tuples of accepted records, over every gzip file
 * under `folder` on `threads` threads. Version 2 and version 5 files name different
 * columns, so they are read by name (AWS's hyphenated names, quoted); every column is
 * text, since NODATA lines carry `-` in numeric fields.
 */
export const measureDuckDb = async (folder: string, threads: number): Promise<DuckDbRun> => {
  const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
  const connection = await instance.connect();
  const files = join(folder, "**", "*.log.gz").replaceAll("'", "''");
  const query =
    'SELECT count(*) FROM (SELECT DISTINCT "interface-id" AS interface_id, dstaddr, dstport, ' +
    `protocol, srcaddr FROM read_csv('${files}', delim = ' ', header = true, ` +
    "compression = 'gzip', union_by_name = true, all_varchar = true) " +
    "WHERE action = 'ACCEPT')";

  const began = performance.now();
  const used = process.cpuUsage();
  const reader = await connection.runAndReadAll(query);
  const seconds = (performance.now() - began) / 1000;
  const { user, system } = process.cpuUsage(used);

  const distinct = Number(reader.getRows()[0]?.[0] ?? 0);
  connection.closeSync();
  instance.closeSync();
  return { seconds, cpu: (user + system) / 1e6, distinct };
};
