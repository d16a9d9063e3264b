/**
 * Where a command writes: results to `out` (stdout), progress and diagnostics to `err`
 * (stderr). Commands receive it instead of touching `process`, so tests can capture both.
 */
export interface ConsoleIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether stderr is an interactive terminal (progress bars are drawn only then). */
  readonly interactive: boolean;
  /** Whether colour is allowed: off when NO_COLOR is set or stdout is not a terminal. */
  readonly colour: boolean;
  /** Redraws a one-line status on stderr; a no-op when not interactive. */
  readonly status: (line: string) => void;
  /** The current time; the only clock the commands read. */
  readonly now: () => Date;
  /** Environment variables (AWS_REGION, NO_COLOR, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own console: stdout, stderr, the clock and the environment. */
export const processIo = (): ConsoleIo => {
  const interactive = process.stderr.isTTY === true;
  const env = process.env;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => {
      if (interactive) process.stderr.write("\r\x1b[K");
      process.stderr.write(`${line}\n`);
    },
    interactive,
    colour: process.stdout.isTTY === true && (env.NO_COLOR ?? "") === "",
    status: (line) => {
      if (interactive) process.stderr.write(`\r\x1b[K${line}`);
    },
    now: () => new Date(),
    env,
  };
};
