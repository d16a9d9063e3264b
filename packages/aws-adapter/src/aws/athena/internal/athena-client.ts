import type { AthenaClient } from "@aws-sdk/client-athena";
import { athenaSdk } from "../../internal/sdk.js";
import type { QueryClientOptions } from "../query-client-options.js";
import { queryClientConfig } from "./query-client-config.js";

/** An Athena client built from the reader's options, the SDK resolving everything else. */
export const athenaClientFor = (options: QueryClientOptions): AthenaClient =>
  new (athenaSdk().AthenaClient)(queryClientConfig(options));
