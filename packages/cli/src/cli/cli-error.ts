import { ExitCode } from "./exit-codes.js";

/**
 * An error the CLI reports to the user as it is: one message (naming the file, flag or
 * group at fault and what to do) and the exit code it maps to. Anything else that
 * escapes a command is a bug and exits with {@link ExitCode.internal}.
 */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** A usage error: the command line itself is wrong. */
export const usageError = (message: string): CliError => new CliError(message, ExitCode.usage);

/** An input error: a file or artefact could not be used. */
export const inputError = (message: string): CliError => new CliError(message, ExitCode.input);
