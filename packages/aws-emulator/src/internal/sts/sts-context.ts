import type { Result } from "@sg/core";
import type { ApiError } from "../api-error.js";
import type { Caller } from "../caller.js";
import type { Form } from "../form.js";
import type { OrganizationModel } from "../organizations/organization-model.js";
import type { SessionBook } from "./session-book.js";

/** What every STS handler may read: who trusts whom, the sessions issued, the caller. */
export interface StsContext {
  readonly organization: OrganizationModel | undefined;
  readonly sessions: SessionBook;
  readonly caller: Caller;
  readonly now: () => Date;
}

/** One STS action: the Query form in, the `…Result` members or an error out. */
export type StsHandler = (
  form: Form,
  context: StsContext,
) => Result<Record<string, unknown>, ApiError>;
