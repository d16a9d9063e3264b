import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BIN = join(ROOT, "packages/cli/dist/bin.js");

/** What one run of the built CLI printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `sg-tightener` as a user would: a subprocess in `cwd`. */
export const runCli = (
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: "1", ...options.env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });

/** A fresh temporary folder holding a copy of the demo estate under `estate/`. */
export const demoWorkspace = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "sg-e2e-"));
  cpSync(join(ROOT, "examples/demo/estate"), join(dir, "estate"), { recursive: true });
  return dir;
};

/** Every file under `dir` with its bytes, to prove a failed command wrote nothing. */
export const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path).toString("base64")];
      }),
  );
