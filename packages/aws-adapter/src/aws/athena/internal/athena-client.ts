import { AthenaClient } from "@aws-sdk/client-athena";
import type { QueryClientOptions } from "../query-client-options.js";
import { queryClientConfig } from "./query-client-config.js";

/** An Athena client built from the reader's options, the SDK resolving everything else. */
export const athenaClientFor = (options: QueryClientOptions): AthenaClient =>
  new AthenaClient(queryClientConfig(options));
