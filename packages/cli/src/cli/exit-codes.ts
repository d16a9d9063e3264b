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
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
