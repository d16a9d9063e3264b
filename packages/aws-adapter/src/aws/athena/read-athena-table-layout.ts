import type { AthenaTableLayout } from "./athena-table-layout.js";
import { athenaClientFor } from "./internal/athena-client.js";
import { athenaTableOf, describeTable } from "./internal/describe-table.js";
import type { QueryClientOptions } from "./query-client-options.js";

/** The catalog flow-log tables live in unless told otherwise. */
export const DEFAULT_CATALOG = "AwsDataCatalog";

/** Which table to describe, and how to reach Athena. */
export interface AthenaTableLayoutOptions {
  readonly client: QueryClientOptions;
  /** `DATABASE.TABLE`. */
  readonly table: string;
  /** The data catalog (default `AwsDataCatalog`). */
  readonly catalog?: string;
}

/**
 * Asks Athena (GetTableMetadata) how a flow-log table is laid out: its columns and which
 * day partition it has, so the query keeps to the window's partitions whichever of AWS's
 * documented layouts the table follows. Rejects with a `FlowLogSourceError` naming the
 * table when it does not exist, cannot be read, or is not a flow-log table.
 */
export const readAthenaTableLayout = async (
  options: AthenaTableLayoutOptions,
): Promise<AthenaTableLayout> => {
  const client = athenaClientFor(options.client);
  try {
    return await describeTable(
      client,
      athenaTableOf(options.table),
      options.catalog ?? DEFAULT_CATALOG,
    );
  } finally {
    client.destroy();
  }
};
