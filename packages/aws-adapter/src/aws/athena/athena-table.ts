import { err, ok, type Result } from "@sg/core";

/** A table of the Glue Data Catalog, as `--athena-table DB.TABLE` names it. */
export interface AthenaTable {
  readonly database: string;
  readonly table: string;
}

const NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Reads `DB.TABLE` into its database and table. Glue names are letters, digits,
 * underscores and hyphens; anything else (a quote, a space, a third part) is refused here
 * rather than spliced into the SQL the tool sends.
 *
 * @example parseAthenaTable("flow_logs.vpc_flow_logs") // ok({ database: "flow_logs", … })
 */
export const parseAthenaTable = (text: string): Result<AthenaTable, string> => {
  const parts = text.split(".");
  if (parts.length !== 2 || !parts.every((part) => NAME.test(part))) {
    return err(
      `Athena table "${text}" is not of the form DATABASE.TABLE (letters, digits, "_" and "-")`,
    );
  }
  const [database = "", table = ""] = parts;
  return ok({ database, table });
};
