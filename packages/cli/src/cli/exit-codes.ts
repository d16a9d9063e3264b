/**
 * The documented exit codes of `sg-tightener`. Scripts and pipelines branch on these, so
 * they never change meaning; the README lists them.
 */
export const ExitCode = {
  /** The command did what it was asked. */
  ok: 0,
  /** An unexpected internal error: a bug, reported with its stack under `--verbose`. */
  internal: 1,
  /** The command line was wrong: an unknown flag, a missing value, a bad number. */
  usage: 2,
  /** An input could not be used: a malformed file, a wrong artefact, a missing estate file. */
  input: 3,
  /** apply refused: the estate changed since the plan was built. Nothing was written. */
  drift: 4,
  /** apply or extend halted partway; completed groups stay, the revert command is printed. */
  halted: 5,
  /** revert could not restore every change; what it could not is listed. */
  incompleteRevert: 6,
  /**
   * scan found at least one CRITICAL rule (the internet on an admin or database port, or on
   * every port): the pipeline gate. Wins over {@link ExitCode.incompleteScan} when both
   * apply, since a definite exposure matters more than an unknown one; the report lists both.
   */
  criticalFindings: 7,
  /**
   * scan could not read some accounts or Regions (role denied, Region disabled, throttled
   * past every retry) and found nothing CRITICAL in the rest; the report lists each one.
   */
  incompleteScan: 8,
  /**
   * AWS denied a call the command needs. `apply --dry-run` exits with it when EC2 says any
   * call of the plan would be refused, after listing each one. Nothing was written.
   */
  notPermitted: 9,
  /**
   * AWS could not be used: no credentials or Region, an unreachable endpoint, throttling
   * past every retry, or a service error while reading the live estate. Nothing was
   * written; the message names the call and what to check.
   */
  awsUnavailable: 10,
  /**
   * extend refused: it would change more security groups than --max-groups allows. Nothing
   * was written; the message lists every group it would have touched.
   */
  ceilingExceeded: 11,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
