import type { Result } from "@sg/core";
import type { ApiError } from "../api-error.js";
import type { Caller } from "../caller.js";
import type { OrganizationModel } from "./organization-model.js";

/** What every Organizations handler may read: the Organization, paging knobs, the caller. */
export interface OrganizationsContext {
  readonly organization: OrganizationModel | undefined;
  readonly pageSize: number;
  readonly emptyPages: ReadonlySet<number>;
  readonly caller: Caller;
}

/** One Organizations action: the JSON body in, the response object or an error out. */
export type OrganizationsHandler = (
  body: Readonly<Record<string, unknown>>,
  context: OrganizationsContext,
) => Result<Record<string, unknown>, ApiError>;
