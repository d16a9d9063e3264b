import type { Result } from "@sg/core";
import type { ApiError } from "../api-error.js";
import type { AthenaBook } from "../athena/athena-book.js";
import type { InsightsBook } from "../insights/insights-book.js";
import type { Store } from "../store.js";

/** What every JSON-protocol handler may read: the estate and the emulator's settings. */
export interface JsonContext {
  readonly store: Store;
  readonly logsPageSize: number | undefined;
  readonly emptyLogPages: ReadonlySet<number>;
  readonly serviceQuotas: Readonly<Record<string, number>>;
  /** The emulated Athena: registered tables and started queries. */
  readonly athena: AthenaBook;
  /** The emulated Logs Insights: registered rows and started queries. */
  readonly insights: InsightsBook;
}

/** One JSON-protocol action: the parsed body in, the response object or an error out. */
export type JsonHandler = (
  body: Readonly<Record<string, unknown>>,
  context: JsonContext,
) => Result<Record<string, unknown>, ApiError>;
