import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { timeCommand, type Timing } from "./measurement.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CLI = join(ROOT, "packages/cli/dist/bin.js");

/** The evidence window the benchmark analyses: the `days` before `now`. */
export interface BenchWindow {
  readonly now: string;
  readonly days: number;
}

/** A timed run of the built CLI, with what its `--json` summary said it read and kept. */
export interface AnalyseRun extends Timing {
  readonly records: number;
  readonly entries: number;
}

/**
 * Runs the built `sg-tightener analyse` over the folder, the whole command as users run
 * it (every core, approved.json written), and times it.
 */
export const measureCli = async (folder: string, window: BenchWindow): Promise<AnalyseRun> => {
  const scratch = mkdtempSync(join(tmpdir(), "sg-bench-"));
  const summary = join(scratch, "summary.json");
  const args = [
    "analyse",
    "--flow-logs",
    folder,
    "--now",
    window.now,
    "--days",
    String(window.days),
    "--out",
    join(scratch, "approved.json"),
    "--json",
  ];
  const timing = await timeCommand(process.execPath, [CLI, ...args], ROOT, summary);
  const { records, entries } = JSON.parse(readFileSync(summary, "utf8")) as AnalyseRun;
  rmSync(scratch, { recursive: true });
  return { ...timing, records, entries };
};
