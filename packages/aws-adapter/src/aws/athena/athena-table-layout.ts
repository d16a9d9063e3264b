import { err, ok, type Result } from "@sg/core";

/**
 * How a flow-log table is partitioned by day, which decides how a query keeps to the
 * window's partitions:
 * - `date`: a DATE partition column, AWS's documented `PARTITIONED BY (\`date\` date)`;
 * - `text`: a string column holding the day in `format`, as partition projection's
 *   `day` column (`yyyy/MM/dd`) does;
 * - `hive`: string columns `year`, `month` and `day`, the Hive-compatible S3 layout;
 * - `none`: no day partition, so every query reads the whole table.
 */
export type AthenaPartitioning =
  | { readonly kind: "date"; readonly column: string }
  | { readonly kind: "text"; readonly column: string; readonly format: string }
  | { readonly kind: "hive" }
  | { readonly kind: "none" };

/** What the query builder needs to know of a table: its day partitioning and its columns. */
export interface AthenaTableLayout {
  readonly partitioning: AthenaPartitioning;
  /** The data columns, lower case, in table order. */
  readonly columns: readonly string[];
}

/** The columns of AWS's documented flow-log table (versions 2 to 5, text files). */
export const DOCUMENTED_COLUMNS: readonly string[] = [
  "version",
  "account_id",
  "interface_id",
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
  "log_status",
  "vpc_id",
  "subnet_id",
  "instance_id",
  "tcp_flags",
  "type",
  "pkt_srcaddr",
  "pkt_dstaddr",
  "region",
  "az_id",
  "sublocation_type",
  "sublocation_id",
  "pkt_src_aws_service",
  "pkt_dst_aws_service",
  "flow_direction",
  "traffic_path",
];

/** The columns a query cannot do without: the evidence tuple, its times and the action. */
export const REQUIRED_COLUMNS: readonly string[] = [
  "interface_id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "start",
  "end",
  "action",
];

/** AWS's documented table: the documented columns, partitioned by a DATE column `date`. */
export const DOCUMENTED_TABLE_LAYOUT: AthenaTableLayout = {
  partitioning: { kind: "date", column: "date" },
  columns: DOCUMENTED_COLUMNS,
};

/** AWS's partition-projection table: the documented columns, a `day` string `yyyy/MM/dd`. */
export const PROJECTED_TABLE_LAYOUT: AthenaTableLayout = {
  partitioning: { kind: "text", column: "day", format: "yyyy/MM/dd" },
  columns: DOCUMENTED_COLUMNS,
};

/** A column as GetTableMetadata describes it. */
export interface CatalogColumn {
  readonly Name?: string | undefined;
  readonly Type?: string | undefined;
}

/** What GetTableMetadata says of a table, as far as the layout depends on it. */
export interface CatalogTable {
  readonly Columns?: readonly CatalogColumn[] | undefined;
  readonly PartitionKeys?: readonly CatalogColumn[] | undefined;
  readonly Parameters?: Readonly<Record<string, string>> | undefined;
}

const namesOf = (columns: readonly CatalogColumn[] | undefined): string[] =>
  (columns ?? []).map(({ Name }) => (Name ?? "").toLowerCase());

const formatProblem = (format: string): string | undefined =>
  /[A-Za-z]/.test(format.replace(/yyyy|MM|dd/g, ""))
    ? `its day format "${format}" has fields other than yyyy, MM and dd`
    : undefined;

const partitioningOf = (table: CatalogTable): Result<AthenaPartitioning, string> => {
  const keys = table.PartitionKeys ?? [];
  const names = namesOf(keys);
  const parameter = (name: string): string | undefined => table.Parameters?.[name];

  if (names.length === 0) return ok({ kind: "none" });
  if (["year", "month", "day"].every((name) => names.includes(name))) return ok({ kind: "hive" });
  const dateKey = keys.find(({ Name }) => Name?.toLowerCase() === "date");
  if (dateKey !== undefined && dateKey.Type?.toLowerCase() === "date") {
    return ok({ kind: "date", column: "date" });
  }

  const column = names.includes("date") ? "date" : names.includes("day") ? "day" : undefined;
  if (column === undefined) {
    return err(
      `its partition keys (${names.join(", ")}) have no day: expected a DATE column "date", ` +
        `a string "day" (partition projection) or Hive-style year, month and day`,
    );
  }
  const format =
    parameter(`projection.${column}.format`) ?? (column === "day" ? "yyyy/MM/dd" : "yyyy-MM-dd");
  const problem = formatProblem(format);
  return problem === undefined ? ok({ kind: "text", column, format }) : err(problem);
};

/**
 * Reads a flow-log table's layout from what GetTableMetadata returns: which day partition
 * it has (see {@link AthenaPartitioning}) and which columns. A table lacking a column the
 * query needs ({@link REQUIRED_COLUMNS}, named as in AWS's DDL) or a usable day partition
 * is refused with a sentence saying what was found and what was expected.
 */
export const tableLayoutOf = (table: CatalogTable): Result<AthenaTableLayout, string> => {
  const columns = namesOf(table.Columns);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return err(
      `it lacks the columns ${missing.join(", ")} (expected AWS's flow-log table columns, ` +
        `such as interface_id, srcaddr and log_status)`,
    );
  }

  const partitioning = partitioningOf(table);
  return partitioning.ok ? ok({ partitioning: partitioning.value, columns }) : partitioning;
};
