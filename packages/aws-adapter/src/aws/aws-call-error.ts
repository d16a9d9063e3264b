/**
 * Why a call to AWS failed, in the terms an operator acts on: `permission` (IAM denied it),
 * `configuration` (no credentials or no Region), `unreachable` (the endpoint could not be
 * reached or timed out), `throttled` (still throttled after every retry), `response` (AWS
 * answered with something the tool cannot read) or `service` (any other AWS error).
 */
export type AwsCallProblem =
  "permission" | "configuration" | "unreachable" | "throttled" | "response" | "service";

/**
 * A read from AWS that failed. The message names the operation and the AWS error code and
 * says what to do, so the CLI prints it as it stands; `problem` lets it choose an exit code
 * without parsing the text. Writes fail with `RuleWriteError` instead, so apply can halt.
 */
export class AwsCallError extends Error {
  override readonly name = "AwsCallError";

  constructor(
    /** The API operation, such as `DescribeSecurityGroupRules`. */
    readonly operation: string,
    readonly problem: AwsCallProblem,
    /** The AWS error code (`UnauthorizedOperation`, …), or the SDK's error name. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
