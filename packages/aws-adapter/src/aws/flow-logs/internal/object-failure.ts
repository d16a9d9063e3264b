import { FlowLogSourceError } from "../flow-log-source-error.js";
import { awsFailure } from "./aws-failure.js";

/**
 * Names the object in whatever went wrong while fetching or decoding it: a damaged gzip
 * stream or Parquet file is `corrupt`; anything else is the GetObject call's failure.
 */
export const objectFailure = (error: unknown, location: string): Error => {
  if (error instanceof FlowLogSourceError) return error;

  if (isZlibError(error)) {
    const reason = `${location} is not a complete gzip stream: ${error.message}`;
    return new FlowLogSourceError(location, "corrupt", reason);
  }
  return awsFailure(error, "GetObject", location);
};

/** A failure decoding a Parquet file, naming the object. */
export const corruptParquet = (error: unknown, location: string): FlowLogSourceError => {
  const detail = error instanceof Error ? error.message : String(error);
  const reason = `${location} is not a readable Parquet file: ${detail}`;
  return new FlowLogSourceError(location, "corrupt", reason);
};

const isZlibError = (error: unknown): error is Error =>
  error instanceof Error && /^Z_/.test(String((error as NodeJS.ErrnoException).code));
