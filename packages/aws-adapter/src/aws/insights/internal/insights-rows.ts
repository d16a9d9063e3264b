import type { ResultField } from "@aws-sdk/client-cloudwatch-logs";
import { err, ok, type EvidenceEntry, type Result } from "@sg/core";
import { evidenceEntryOf } from "../../athena/internal/evidence-row.js";

const describeRow = (fields: ReadonlyMap<string, string>): string =>
  [...fields].map(([field, value]) => `${field}=${value}`).join(" ");

/**
 * Reads the result rows of one query (the `stats` command's fields, by name) into
 * evidence entries. The source is `source` when the query chose it, else `pktSrcAddr`
 * unless it is `-`, else `srcAddr`; a row that is not a valid entry is an error quoting it.
 */
export const entriesOfResults = (
  results: readonly (readonly ResultField[])[],
): Result<EvidenceEntry[], string> => {
  const entries: EvidenceEntry[] = [];
  for (const [index, row] of results.entries()) {
    const fields = new Map(row.map(({ field, value }) => [field ?? "", value ?? ""]));
    const value = (name: string): string => fields.get(name) ?? "";
    const pkt = fields.get("pktSrcAddr");
    const source =
      fields.get("source") ?? (pkt !== undefined && pkt !== "-" ? pkt : value("srcAddr"));

    const entry = evidenceEntryOf({
      interfaceId: value("interfaceId"),
      destination: value("dstAddr"),
      protocol: value("protocol"),
      port: value("dstPort"),
      source,
      firstSeen: value("firstSeen"),
      lastSeen: value("lastSeen"),
      count: value("records"),
    });
    if (!entry.ok) return err(`result row ${index + 1} (${describeRow(fields)}): ${entry.error}`);
    entries.push(entry.value);
  }
  return ok(entries);
};
