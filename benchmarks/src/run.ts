/**
 * Measures, in one run on the same files: the decompression floor (`gzip -dc`, `pigz -dc`
 * and Node's own zlib on every core), DuckDB's distinct-tuple query on every core, and the built
 * `sg-tightener analyse` command, the whole of it, approved.json written. Each is run
 * `--repeat` times, round-robin, and reported by its median. Prints a Markdown table and
 * the ratios the targets are stated in. Generate the files first with generate.ts.
 *
 * Usage: tsx src/run.ts --data DIR [--repeat 3] [--cores N] [--now ISO] [--days N]
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { flowLogFolder } from "./internal/flow-log-folder.js";
import { measureCli } from "./internal/measure-analyse.js";
import { measureDuckDb } from "./internal/measure-duckdb.js";
import { measureNodeInflate } from "./internal/measure-node-inflate.js";
import {
  hasCommand,
  loadAverage,
  timeCommand,
  type Measurement,
  type Timing,
} from "./internal/measurement.js";
import { ratio, reportTable } from "./internal/report-table.js";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    repeat: { type: "string", default: "3" },
    cores: { type: "string", default: String(availableParallelism()) },
    now: { type: "string", default: "2026-05-28T00:00:00Z" },
    days: { type: "string", default: "30" },
  },
});
if (values.data === undefined) {
  process.stderr.write(
    "usage: run.ts --data DIR [--repeat N] [--cores N] [--now ISO] [--days N]\n",
  );
  process.exit(2);
}
const folder = values.data;
const cores = Number(values.cores);
const window = { now: values.now, days: Number(values.days) };
const log = (line: string): boolean => process.stderr.write(`${line}\n`);

const { files, gzipBytes, textBytes } = flowLogFolder(folder);
log(`${files.length} files, ${(gzipBytes / 1e6).toFixed(0)} MB gzip; load ${loadAverage()}`);
/** The file list, for xargs: tens of thousands of paths do not fit on one command line. */
const fileList = join(mkdtempSync(join(tmpdir(), "sg-bench-files-")), "files");
writeFileSync(fileList, files.map((file) => `${file}\0`).join(""));

await timeCommand("xargs", ["-0", "-a", fileList, "cat"]);

const PIGZ = `pigz -dc -p ${cores}`;
const NODE_ZLIB = `Node zlib inflate (${cores} streams)`;
const DUCKDB = `DuckDB (${cores} threads)`;
const CLI = "sg-tightener analyse (built CLI)";
const times = new Map<string, Timing[]>();
const notes = new Map<string, string>();
const skipped = new Map<string, string>();
const record = (name: string, timing: Timing): void => {
  times.set(name, [...(times.get(name) ?? []), timing]);
  log(`${name}: ${timing.seconds.toFixed(2)} s; load ${loadAverage()}`);
};

/** Times `command flags FILE...` over every file, in as many batches as xargs needs. */
const tool = async (name: string, command: string, flags: readonly string[]) => {
  if (!hasCommand(command)) skipped.set(name, `${command} is not installed`);
  else record(name, await timeCommand("xargs", ["-0", "-a", fileList, command, ...flags]));
};

let records = 0;
for (let round = 0; round < Number(values.repeat); round += 1) {
  await tool("gzip -dc (1 core)", "gzip", ["-dc"]);
  await tool(PIGZ, "pigz", ["-dc", "-p", String(cores)]);
  record(NODE_ZLIB, await measureNodeInflate(files, cores));

  const duck = await measureDuckDb(folder, cores);
  record(DUCKDB, duck);
  notes.set(DUCKDB, `${duck.distinct.toLocaleString("en")} distinct rows`);

  const cli = await measureCli(folder, window);
  record(CLI, cli);
  records = cli.records;
  notes.set(CLI, `${cli.entries.toLocaleString("en")} entries`);
}

const median = (samples: readonly Timing[]): Timing =>
  [...samples].sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)]!;
const names = ["gzip -dc (1 core)", PIGZ, NODE_ZLIB, DUCKDB, CLI];
const rows: Measurement[] = names.map((name) => {
  const samples = times.get(name);
  if (samples === undefined) return { name, skipped: skipped.get(name) ?? "not run" };
  const seconds = samples.map((sample) => sample.seconds);
  const spread = `${Math.min(...seconds).toFixed(1)}–${Math.max(...seconds).toFixed(1)} s`;
  const note = [notes.get(name), `runs ${spread}`].filter(Boolean).join("; ");
  return { name, ...median(samples), note };
});

const workload = { records, files: files.length, gzipBytes, textBytes };
process.stdout.write(
  `${records.toLocaleString("en")} records in ${files.length} files, ` +
    `${(gzipBytes / 1e6).toFixed(0)} MB gzip, ${(textBytes / 1e6).toFixed(0)} MB text; ` +
    `${cores} cores; median of ${values.repeat}; load after: ${loadAverage()}\n\n` +
    `${reportTable(workload, rows)}\n\n` +
    [
      [CLI, DUCKDB],
      [CLI, PIGZ],
      [CLI, NODE_ZLIB],
      [CLI, "gzip -dc (1 core)"],
    ]
      .map(([a, b]) => ratio(rows, a!, b!))
      .join("\n") +
    "\n",
);
