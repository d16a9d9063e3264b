import type { Rule } from "@sg/core";

/**
 * The EC2 error codes a rule writer raises itself. Writers over the live API pass other EC2
 * codes through unchanged (`RequestLimitExceeded`, `UnauthorizedOperation`, …).
 */
export type RuleWriteErrorCode =
  | "InvalidGroup.NotFound"
  | "InvalidPermission.Duplicate"
  | "InvalidPermission.NotFound"
  | "InvalidParameterValue"
  | "RulesPerSecurityGroupLimitExceeded"
  | "InjectedFailure";

/**
 * Why an authorise or revoke call changed nothing. `code` follows EC2's error codes so the
 * CLI reports the same failure whichever writer it used; `rules` are the rules the call
 * carried, for the revert command and the report.
 */
export class RuleWriteError extends Error {
  override readonly name = "RuleWriteError";

  constructor(
    readonly code: RuleWriteErrorCode | (string & {}),
    readonly groupId: string,
    readonly rules: readonly Rule[],
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
