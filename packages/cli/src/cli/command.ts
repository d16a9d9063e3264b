import type { ConsoleIo } from "./console-io.js";
import type { ExitCode } from "./exit-codes.js";

/** How one flag is spelled and described, for parsing and for `--help`. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's placeholder in help, such as `FILE` or `N`. */
  readonly value?: string;
  readonly description: string;
}

/** The parsed flags of one invocation. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/**
 * One subcommand of `sg-tightener`: its flags, its help, and what it does. `run` returns
 * the exit code; it throws a `CliError` for failures the user should see as they are.
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The synopsis lines shown at the top of `--help`. */
  readonly synopsis: readonly string[];
  /** Paragraphs of help after the flags: semantics, defaults, examples. */
  readonly details: readonly string[];
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Whether the command takes positional arguments (a `compact` action, say). */
  readonly positionals?: boolean;
  run(flags: FlagValues, positionals: readonly string[], io: ConsoleIo): Promise<ExitCode>;
}
