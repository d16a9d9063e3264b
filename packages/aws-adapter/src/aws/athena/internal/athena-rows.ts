import type { Row } from "@aws-sdk/client-athena";
import type { EvidenceEntry, Result } from "@sg/core";
import { err, ok } from "@sg/core";
import { ATHENA_RESULT_COLUMNS } from "../athena-query.js";
import { evidenceEntryOf } from "./evidence-row.js";

const valuesOf = (row: Row): string[] => (row.Data ?? []).map((cell) => cell.VarCharValue ?? "");

/** Whether a result's first row names the query's columns, in order. */
export const headerProblem = (row: Row | undefined): string | undefined => {
  const names = row === undefined ? [] : valuesOf(row);
  return names.join(",") === ATHENA_RESULT_COLUMNS.join(",")
    ? undefined
    : `the result's header is "${names.join(", ")}", ` +
        `expected "${ATHENA_RESULT_COLUMNS.join(", ")}"`;
};

/**
 * Reads result rows (after the header) into evidence entries. `firstRow` is the 1-based
 * number of the first row among the result's data rows, so an error names the row as a
 * person counting the result would, and quotes its values.
 */
export const entriesOfRows = (
  rows: readonly Row[],
  firstRow: number,
): Result<EvidenceEntry[], string> => {
  const entries: EvidenceEntry[] = [];
  for (const [index, row] of rows.entries()) {
    const values = valuesOf(row);
    const [interfaceId = "", destination = "", protocol = "", port = "", source = ""] = values;
    const [firstSeen = "", lastSeen = "", count = ""] = values.slice(5);
    const entry = evidenceEntryOf({
      interfaceId,
      destination,
      protocol,
      port,
      source,
      firstSeen,
      lastSeen,
      count,
    });
    if (!entry.ok) {
      return err(`result row ${firstRow + index} (${values.join(" ")}): ${entry.error}`);
    }
    entries.push(entry.value);
  }
  return ok(entries);
};
