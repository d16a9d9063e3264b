import { err, ok, type Result } from "@sg/core";
import type { AthenaTableSeed } from "../../athena-emulation.js";
import { apiError, type ApiError } from "../api-error.js";
import { decodeToken, encodeToken, slicePage } from "../paging.js";

const cellsOf = (values: readonly (string | null)[]) => ({
  Data: values.map((value) => (value === null ? {} : { VarCharValue: value })),
});

/**
 * One page of a succeeded query's results, as GetQueryResults returns it: the header row
 * of column names first on the first page (Athena counts it against MaxResults), then the
 * table's canned rows, `size` at most per page, with a NextToken while rows remain.
 */
export const queryResults = (
  table: AthenaTableSeed,
  size: number,
  token: string | undefined,
): Result<Record<string, unknown>, ApiError> => {
  const cursor = token === undefined ? { offset: 0, page: 0 } : decodeToken(token);
  if (cursor === undefined) {
    return err(apiError("InvalidRequestException", `NextToken ${token} is not valid.`));
  }

  const rows = [table.resultColumns, ...table.resultRows];
  const { page, next } = slicePage(rows, cursor, size);
  const columnInfo = table.resultColumns.map((name) => ({
    CatalogName: "hive",
    SchemaName: "",
    TableName: "",
    Name: name,
    Label: name,
    Type: "varchar",
    Precision: 0,
    Scale: 0,
    Nullable: "UNKNOWN",
    CaseSensitive: true,
  }));
  return ok({
    ResultSet: { Rows: page.map(cellsOf), ResultSetMetadata: { ColumnInfo: columnInfo } },
    UpdateCount: 0,
    ...(next && { NextToken: encodeToken(next) }),
  });
};
