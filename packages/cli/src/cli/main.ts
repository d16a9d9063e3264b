import { analyseCommand } from "../commands/analyse/analyse.js";
import { applyCommand } from "../commands/apply/apply.js";
import { compactCommand } from "../commands/compact/compact.js";
import { diagnoseCommand } from "../commands/diagnose/diagnose.js";
import { extendCommand } from "../commands/extend/extend.js";
import { mergeCommand } from "../commands/merge/merge.js";
import { planCommand } from "../commands/plan/plan.js";
import { revertCommand } from "../commands/revert/revert.js";
import { scanCommand } from "../commands/scan/scan.js";
import { CliError } from "./cli-error.js";
import type { Command } from "./command.js";
import type { ConsoleIo } from "./console-io.js";
import { ExitCode } from "./exit-codes.js";
import { helpOf, parseFlags } from "./parse-flags.js";

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  analyseCommand,
  planCommand,
  applyCommand,
  revertCommand,
  mergeCommand,
  compactCommand,
  scanCommand,
  diagnoseCommand,
  extendCommand,
];

const VERSION = "0.1.0";

const overview = (): string =>
  [
    "sg-tightener: replace broad private security-group rules with the CIDRs flow logs support",
    "",
    "Usage: sg-tightener <command> [flags]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(10)}${command.summary}`),
    "",
    "Run 'sg-tightener <command> --help' for a command's flags.",
    "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 estate drifted since the " +
      "plan, 5 halted partway (revert printed), 6 revert incomplete, 7 scan found CRITICAL, " +
      "8 scan incomplete, 9 a permission is missing (--dry-run), 10 AWS unreachable or " +
      "unusable, 11 extend over --max-groups.",
  ].join("\n");

/**
 * Runs one command line and returns its exit code. The single place where errors become
 * exit codes: a `CliError` prints its message; anything else is a bug and prints its stack.
 */
export const main = async (args: readonly string[], io: ConsoleIo): Promise<ExitCode> => {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(overview());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version") {
    io.out(VERSION);
    return ExitCode.ok;
  }

  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (command === undefined) {
      throw new CliError(
        `sg-tightener: unknown command "${name}"\n\n${overview()}`,
        ExitCode.usage,
      );
    }
    const parsed = parseFlags(command, rest);
    if (parsed.help) {
      io.out(helpOf(command));
      return ExitCode.ok;
    }
    return await command.run(parsed.flags, parsed.positionals, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(
      `sg-tightener: internal error: ${
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      }`,
    );
    return ExitCode.internal;
  }
};
