import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One row of the benchmark table: what ran, how long it took, or why it did not run. */
export type Measurement =
  | {
      readonly name: string;
      readonly seconds: number;
      readonly cpu?: number;
      readonly note?: string;
    }
  | { readonly name: string; readonly skipped: string };

/** How long a run took on the wall clock, and the CPU time it used, when known. */
export interface Timing {
  readonly seconds: number;
  readonly cpu?: number;
}

/** Whether a command is on the PATH. */
export const hasCommand = (command: string): boolean =>
  spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

const TIME = "/usr/bin/time";

/**
 * Runs `command args` with its output written to `output` (thrown away by default) and
 * returns the wall-clock seconds it took and, through /usr/bin/time when it exists, the CPU
 * seconds it used on every core. Rejects when the command fails, so a broken run never
 * passes for a fast one.
 */
export const timeCommand = (
  command: string,
  args: readonly string[],
  cwd?: string,
  output = "/dev/null",
) =>
  new Promise<Timing>((resolve, reject) => {
    const report = join(mkdtempSync(join(tmpdir(), "sg-time-")), "cpu");
    const timed = existsSync(TIME);
    const argv = timed ? ["-f", "%U %S", "-o", report, command, ...args] : [...args];
    const sink = openSync(output, "w");
    const began = performance.now();
    const child = spawn(timed ? TIME : command, argv, { cwd, stdio: ["ignore", sink, "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => {
      closeSync(sink);
      const seconds = (performance.now() - began) / 1000;
      if (code !== 0) return reject(new Error(`${command} exited with ${code}`));
      if (!timed) return resolve({ seconds });
      const [user, system] = readFileSync(report, "utf8").trim().split(/\s+/).map(Number);
      resolve({ seconds, cpu: (user ?? 0) + (system ?? 0) });
    });
  });

/** The machine's one-minute load average, as `uptime` reports it. */
export const loadAverage = (): string =>
  spawnSync("uptime", { encoding: "utf8" })
    .stdout.trim()
    .replace(/^.*load average: /, "");
