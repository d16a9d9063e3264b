import { FlowLogFiles, LocalFileError, type FlowLogReadStats } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import {
  booleanFlag,
  integerFlag,
  listFlag,
  requiredFlag,
  timeFlag,
} from "../../cli/flag-values.js";
import { writeArtefact } from "../../artefacts/artefact-file.js";
import { evidenceBaseCodec, type EvidenceBase } from "../../artefacts/evidence-base.js";
import { formatBytes, formatCount, formatTime } from "../../report/numbers.js";
import { SKIP_REASONS } from "./evidence-tally.js";
import { readEvidence, type EvidenceReading } from "./read-evidence.js";

const DAY = 86_400;

/** `sg-tightener analyse`: flow logs in, the evidence base (approved.json) out. */
export const analyseCommand: Command = {
  name: "analyse",
  summary: "read flow logs and write the evidence base of accepted private sources",
  synopsis: [
    "sg-tightener analyse --flow-logs PATH... [--days 90] [--now ISO] --out approved.json",
  ],
  flags: {
    "flow-logs": {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "Flow-log files or folders as delivered to S3 (gzip or text); repeatable.",
    },
    days: { type: "string", value: "N", description: "Days of evidence to keep (default 90)." },
    now: {
      type: "string",
      value: "ISO",
      description: "The end of the window (default: the current time).",
    },
    out: { type: "string", value: "FILE", description: "Where to write approved.json." },
    json: { type: "boolean", description: "Print the summary as JSON on stdout." },
  },
  details: [
    "Keeps accepted records whose source (pkt-srcaddr when present) is a private IPv4 " +
      "address and opened the connection: tcp-flags SYN where recorded, the port " +
      "heuristic otherwise. Return traffic, rejects, NODATA/SKIPDATA, egress records and " +
      "records outside the window are counted and skipped. Each file's header line names " +
      "its fields; a file without one is read in the default version 2 format.",
  ],
  run: async (flags, _positionals, io) => analyse(flags, io),
};

const analyse = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const paths = listFlag(flags, "flow-logs");
  if (paths.length === 0) {
    throw usageError(
      "sg-tightener analyse: --flow-logs is required (live sources arrive with --log-group and --s3)",
    );
  }
  const out = requiredFlag(flags, "out", "analyse");
  const days = integerFlag(flags, "days", 90, { min: 1, max: 3650 });
  const to = timeFlag(flags, "now") ?? Math.floor(io.now().getTime() / 1000);
  const window: TimeWindow = { from: to - days * DAY, to };

  const files = new FlowLogFiles(paths, { window });
  const reading = await readEvidence(files, window, (records) =>
    io.status(`analyse: ${formatCount(records)} records read`),
  ).catch((error: unknown) => {
    if (error instanceof LocalFileError) throw inputError(error.message);
    throw error;
  });

  const stats = files.stats();
  const base: EvidenceBase = {
    window,
    origins: paths.map((location) => ({
      kind: "flow-logs",
      location,
      ...(reading.highWater === undefined ? {} : { highWater: reading.highWater }),
      files: stats.files,
      records: reading.records,
    })),
    entries: reading.tally.sortedEntries(),
  };
  await writeArtefact(out, evidenceBaseCodec.encode(base));

  if (booleanFlag(flags, "json")) {
    io.out(JSON.stringify(summaryOf(reading, stats.files, stats.bytes, base, out), null, 2));
  } else {
    printSummary(io, reading, stats, base, out);
  }
  return ExitCode.ok;
};

const summaryOf = (
  reading: EvidenceReading,
  files: number,
  bytes: number,
  base: EvidenceBase,
  out: string,
) => ({
  out,
  window: { from: formatTime(base.window.from), to: formatTime(base.window.to) },
  files,
  bytes,
  records: reading.records,
  kept: reading.kept,
  entries: base.entries.length,
  skipped: Object.fromEntries(reading.tally.skips()),
  malformed: reading.malformed,
  malformedSamples: reading.malformedSamples,
});

const skippedFilesOf = (stats: FlowLogReadStats): string => {
  const skipped = stats.skippedFiles + stats.skippedFolders;
  return skipped === 0
    ? ""
    : `; skipped ${formatCount(skipped)} outside the window (day folders or files)`;
};

const printSummary = (
  io: ConsoleIo,
  reading: EvidenceReading,
  stats: FlowLogReadStats,
  base: EvidenceBase,
  out: string,
): void => {
  io.out(
    `Read ${formatCount(stats.files)} files (${formatBytes(stats.bytes)}), ` +
      `${formatCount(reading.records)} records${skippedFilesOf(stats)}.`,
  );
  io.out(
    `Kept ${formatCount(reading.kept)} records as evidence: ${formatCount(base.entries.length)} ` +
      "distinct (interface, destination, protocol, port, source) tuples.",
  );

  const skips = SKIP_REASONS.map(
    (reason) => [reason, reading.tally.skips().get(reason) ?? 0] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${formatCount(n)} ${reason}`);
  if (skips.length > 0) io.out(`Skipped: ${skips.join(", ")}.`);

  if (reading.malformed > 0) {
    io.out(`Malformed lines: ${formatCount(reading.malformed)}, skipped. The first:`);
    for (const line of reading.malformedSamples) {
      io.out(`  ${line.location}:${line.lineNumber}: ${line.reason}`);
    }
  }
  io.out(`Wrote ${out} (window ${formatTime(base.window.from)} to ${formatTime(base.window.to)}).`);
};
