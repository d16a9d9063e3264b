import type { AthenaClient } from "@aws-sdk/client-athena";
import { athenaSdk } from "../../internal/sdk.js";
import { FlowLogSourceError } from "../../flow-logs/flow-log-source-error.js";
import { awsFailure } from "../../flow-logs/internal/aws-failure.js";
import { parseAthenaTable, type AthenaTable } from "../athena-table.js";
import { tableLayoutOf, type AthenaTableLayout } from "../athena-table-layout.js";

/** A checked `DB.TABLE`, or a RangeError quoting it: callers validate flags before this. */
export const athenaTableOf = (text: string): AthenaTable => {
  const parsed = parseAthenaTable(text);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return parsed.value;
};

/** Reads a table's layout with GetTableMetadata, over a client the caller holds. */
export const describeTable = async (
  client: AthenaClient,
  table: AthenaTable,
  catalog: string,
): Promise<AthenaTableLayout> => {
  const location = `${table.database}.${table.table}`;
  let metadata;
  try {
    const reply = await client.send(
      new (athenaSdk().GetTableMetadataCommand)({
        CatalogName: catalog,
        DatabaseName: table.database,
        TableName: table.table,
      }),
    );
    metadata = reply.TableMetadata ?? {};
  } catch (error) {
    const missing = error instanceof Error && error.name === "MetadataException";
    if (missing) throw new FlowLogSourceError(location, "missing", `${location}: ${error.message}`);
    throw awsFailure(error, "GetTableMetadata", location);
  }

  const layout = tableLayoutOf(metadata);
  if (!layout.ok) {
    throw new FlowLogSourceError(location, "failed", `Athena table ${location}: ${layout.error}`);
  }
  return layout.value;
};
