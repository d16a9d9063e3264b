import type { Result } from "@sg/core";
import type { RegionSeed } from "../../emulator-options.js";
import type { ApiError } from "../api-error.js";
import type { Form } from "../form.js";
import type { Store } from "../store.js";

/** What every EC2 action handler may read: the estate and the emulator's settings. */
export interface Ec2Context {
  readonly store: Store;
  readonly pageCap: number;
  readonly prefixListCosts: Readonly<Record<string, number>>;
  readonly defaultVpcIds: ReadonlySet<string>;
  readonly regions: readonly RegionSeed[];
}

/**
 * One EC2 action: the request's parameters in, the response body out as an AWS CLI
 * shaped object (rendered to XML by the server), or the error EC2 would return.
 */
export type Ec2Handler = (
  form: Form,
  context: Ec2Context,
) => Result<Record<string, unknown>, ApiError>;
