import { parseArgs, type ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import type { Command, FlagSpec, FlagValues } from "./command.js";
import { usageError } from "./cli-error.js";

/** The parsed command line of one subcommand. */
export interface ParsedCommandLine {
  readonly flags: FlagValues;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/**
 * Parses a subcommand's arguments strictly: an unknown flag, a missing value or a stray
 * argument is a usage error that names it and points at `--help`.
 */
export const parseFlags = (command: Command, args: readonly string[]): ParsedCommandLine => {
  const specs: Record<string, FlagSpec> = {
    ...command.flags,
    help: { type: "boolean", short: "h", description: "" },
  };
  const options: ParseArgsOptionsConfig = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = {
      type: spec.type,
      ...(spec.multiple === true ? { multiple: true } : {}),
      ...(spec.short === undefined ? {} : { short: spec.short }),
    };
  }

  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: command.positionals === true,
    });
    const { help, ...flags } = parsed.values as Record<string, string | boolean | string[]>;
    return { flags, positionals: parsed.positionals, help: help === true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(
      `sg-tightener ${command.name}: ${reason}\nRun 'sg-tightener ${command.name} --help'.`,
    );
  }
};

/** Renders the help of a subcommand: synopsis, flags, then details. */
export const helpOf = (command: Command): string => {
  const flags = Object.entries(command.flags).map(([name, spec]) => {
    const value = spec.value === undefined ? "" : ` ${spec.value}`;
    return { left: `--${name}${value}`, right: spec.description };
  });
  flags.push({ left: "--help", right: "Show this help." });
  const width = Math.max(...flags.map((flag) => flag.left.length)) + 2;

  return [
    `sg-tightener ${command.name}: ${command.summary}`,
    "",
    "Usage:",
    ...command.synopsis.map((line) => `  ${line}`),
    "",
    "Flags:",
    ...flags.map((flag) => `  ${flag.left.padEnd(width)}${flag.right}`),
    ...command.details.flatMap((paragraph) => ["", paragraph]),
  ].join("\n");
};
