import { DOCUMENTED_COLUMNS, type AthenaTable } from "@sg/aws-adapter";
import { createRequire } from "node:module";

/** The few calls of a DuckDB connection these tests make. */
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
  closeSync(): void;
}

interface DuckModule {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckConnection> }> };
}

/**
 * DuckDB comes from the benchmark package, which depends on it; loaded from there so this
 * package needs no native dependency of its own to check its SQL.
 */
const duckdb = (): DuckModule =>
  createRequire(new URL("../../../../../../benchmarks/package.json", import.meta.url))(
    "@duckdb/node-api",
  ) as DuckModule;

const NUMERIC = new Set([
  "version",
  "srcport",
  "dstport",
  "tcp_flags",
  "traffic_path",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
]);

/** One row to load: its field values by column name (hyphens or underscores), its day. */
export interface TableRow {
  readonly values: Readonly<Record<string, string>>;
  /** The day partition, `YYYY-MM-DD`. */
  readonly day: string;
}

/**
 * An in-memory DuckDB standing in for Athena over a flow-log table: the table holds the
 * documented columns (or `columns`) the way Athena's text SerDe reads flow-log files, `-`
 * kept in string columns and null in numeric ones, missing columns null, plus a DATE
 * partition `date` and a projection-style `day` string. `regexp_like` and `bitwise_and`,
 * Athena's names, are defined as macros over DuckDB's own functions, so the tool's SQL
 * runs unchanged.
 */
export class DuckAthena {
  private constructor(
    private readonly connection: DuckConnection,
    private readonly name: string,
    private readonly columns: readonly string[],
  ) {}

  /** Opens a fresh database with `table` created empty. */
  static async open(
    table: AthenaTable,
    columns: readonly string[] = DOCUMENTED_COLUMNS,
  ): Promise<DuckAthena> {
    const instance = await duckdb().DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const typed = columns.map((name) => `"${name}" ${NUMERIC.has(name) ? "BIGINT" : "VARCHAR"}`);
    await connection.run("CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)");
    await connection.run("CREATE MACRO bitwise_and(a, b) AS a & b");
    await connection.run(`CREATE SCHEMA "${table.database}"`);
    await connection.run(
      `CREATE TABLE "${table.database}"."${table.table}" ` +
        `(${[...typed, '"date" DATE', '"day" VARCHAR'].join(", ")})`,
    );
    return new DuckAthena(connection, `"${table.database}"."${table.table}"`, columns);
  }

  /** Loads rows, as Athena would read them from the files. */
  async load(rows: readonly TableRow[]): Promise<void> {
    for (let at = 0; at < rows.length; at += 500) {
      const values = rows.slice(at, at + 500).map(({ values, day }) => {
        const cells = this.columns.map((column) => {
          const text = values[column] ?? values[column.replaceAll("_", "-")];
          if (text === undefined || (text === "-" && NUMERIC.has(column))) return "NULL";
          return NUMERIC.has(column) ? text : `'${text}'`;
        });
        return `(${[...cells, `DATE '${day}'`, `'${day.replaceAll("-", "/")}'`].join(", ")})`;
      });
      if (values.length > 0)
        await this.connection.run(`INSERT INTO ${this.name} VALUES ${values.join(", ")}`);
    }
  }

  /** Runs a query and returns its rows with every value as text (null as `null`). */
  async query(sql: string): Promise<(string | null)[][]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader
      .getRows()
      .map((row) => row.map((value) => (value === null ? null : String(value))));
  }

  /** Closes the connection. */
  close(): void {
    this.connection.closeSync();
  }
}
