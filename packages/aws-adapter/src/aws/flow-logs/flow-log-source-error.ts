/**
 * What kept a live flow-log source from being read: the log group, bucket or object does not
 * exist (or holds no flow logs for a requested account or Region), the caller may not read
 * it, an object is damaged, or the call failed for another reason (credentials, Region,
 * network) after the SDK's own retries.
 */
export type FlowLogSourceProblem = "missing" | "denied" | "corrupt" | "failed";

/**
 * A CloudWatch Logs or S3 flow-log source that cannot be read. The message names the log
 * group, bucket prefix or object key and the AWS error, so the CLI prints it as it stands;
 * `location` and `problem` let a caller choose an exit code without parsing the text.
 */
export class FlowLogSourceError extends Error {
  override readonly name = "FlowLogSourceError";

  constructor(
    readonly location: string,
    readonly problem: FlowLogSourceProblem,
    message: string,
  ) {
    super(message);
  }
}
