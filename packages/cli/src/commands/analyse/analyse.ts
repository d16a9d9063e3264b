import { FlowLogSourceError, LocalFileError } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import { availableParallelism } from "node:os";
import { inputError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import {
  booleanFlag,
  integerFlag,
  requiredFlag,
  stringFlag,
  timeFlag,
} from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import {
  EVIDENCE_BASE,
  evidenceBaseCodec,
  type EvidenceBase,
} from "../../artefacts/evidence-base.js";
import { writeEvidenceBase } from "../../artefacts/write-evidence-base.js";
import { mergeEvidenceBases } from "../merge/merge-bases.js";
import { aggregateInAws, printAthenaQuery, wantsAggregation } from "./aggregate-in-aws.js";
import { windowToRead } from "./evidence-update.js";
import { formatBytes, formatCount, formatTime } from "../../report/numbers.js";
import { SKIP_REASONS, type EvidenceTally } from "./evidence-tally.js";
import {
  chooseFlowLogSource,
  type ChosenSource,
  type SourceTally,
} from "../../evidence/flow-log-source-choice.js";
import { readChosenSource } from "./read-chosen-source.js";
import type { EvidenceReading } from "./read-evidence.js";
import { readProgress } from "./read-progress.js";
import { FLOW_LOG_SOURCE_FLAGS } from "../../evidence/flow-log-source-flags.js";

const DAY = 86_400;

/** `sg-tightener analyse`: flow logs in, the evidence base (approved.json) out. */
export const analyseCommand: Command = {
  name: "analyse",
  summary: "read flow logs and write the evidence base of accepted private sources",
  synopsis: [
    "sg-tightener analyse --flow-logs PATH... [--days 90] [--now ISO] --out approved.json",
    "sg-tightener analyse --log-group NAME [--log-format FORMAT] [--region R] " +
      "--out approved.json",
    "sg-tightener analyse --s3 s3://BUCKET/PREFIX [--accounts IDS] [--regions RS] " +
      "--out approved.json",
  ],
  flags: {
    ...FLOW_LOG_SOURCE_FLAGS,
    region: { type: "string", value: "REGION", description: "The AWS Region to call." },
    profile: { type: "string", value: "NAME", description: "The AWS CLI profile to use." },
    workers: {
      type: "string",
      value: "N",
      description: "With --flow-logs: threads that read files (default: one per core).",
    },
    concurrency: {
      type: "string",
      value: "N",
      description: "Slices or objects read at once (default 4).",
    },
    days: { type: "string", value: "N", description: "Days of evidence to keep (default 90)." },
    now: {
      type: "string",
      value: "ISO",
      description: "The end of the window (default: the current time).",
    },
    out: {
      type: "string",
      value: "FILE",
      description: "Where to write approved.json (default with --update: the base updated).",
    },
    "athena-table": {
      type: "string",
      value: "DB.TABLE",
      description: "Aggregate in Amazon Athena over this flow-log table instead of reading logs.",
    },
    "athena-output": {
      type: "string",
      value: "URL",
      description: "With --athena-table: the s3:// location for Athena's query results.",
    },
    "athena-workgroup": {
      type: "string",
      value: "NAME",
      description: "With --athena-table: the Athena workgroup.",
    },
    "print-query": {
      type: "boolean",
      description: "With --athena-table: print the query for the table and run nothing.",
    },
    insights: {
      type: "boolean",
      description: "With --log-group: aggregate with CloudWatch Logs Insights queries.",
    },
    update: {
      type: "string",
      value: "FILE",
      description: "Grow this evidence base: read only what is newer than it and merge.",
    },
    json: { type: "boolean", description: "Print the summary as JSON on stdout." },
  },
  details: [
    "Keeps accepted records whose source (pkt-srcaddr when present) is a private IPv4 " +
      "address and opened the connection: tcp-flags SYN where recorded, the port " +
      "heuristic otherwise. Return traffic, rejects, NODATA/SKIPDATA, egress records and " +
      "records outside the window are counted and skipped. Each file's header line names " +
      "its fields; a file without one is read in the default version 2 format.",
    "--update FILE reads only records that end after the base's high-water mark for the " +
      "same source, merges them in (first and last seen widened, counts added) and writes " +
      "the result back (or to --out). Windows are applied when planning, from first and " +
      "last seen, so a base can grow for months without reading any log twice.",
    "--athena-table pushes the distinct-tuple aggregation for the window into Athena " +
      "over AWS's documented flow-log table (a date, partition-projection or Hive-style " +
      "layout, read from the table's metadata; only the window's partitions are scanned). " +
      "--insights runs it as Logs Insights queries, splitting the window whenever a slice " +
      "reaches the 10,000-row cap, at most --concurrency queries at once.",
    "Give exactly one source. --log-group reads the window in six-hour slices with " +
      "FilterLogEvents; events carry no header, so --log-format names the fields (as " +
      "${version} ${account-id} … or plain names). --s3 lists only the day folders near " +
      "the window for each account and Region, in the default or Hive-style layout, and " +
      "reads gzip text and Parquet objects. Credentials come from the default chain; " +
      "AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured.",
  ],
  run: async (flags, _positionals, io) => analyse(flags, io),
};

const analyse = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const days = integerFlag(flags, "days", 90, { min: 1, max: 3650 });
  const to = timeFlag(flags, "now") ?? Math.floor(io.now().getTime() / 1000);
  const window: TimeWindow = { from: to - days * DAY, to };
  const aggregating = wantsAggregation(flags);
  if (aggregating && booleanFlag(flags, "print-query")) {
    await printAthenaQuery(flags, window, io);
    return ExitCode.ok;
  }

  const updating = stringFlag(flags, "update");
  const out =
    updating === undefined
      ? requiredFlag(flags, "out", "analyse")
      : (stringFlag(flags, "out") ?? updating);
  const previous =
    updating === undefined
      ? undefined
      : await readArtefact(updating, EVIDENCE_BASE, evidenceBaseCodec);
  if (aggregating) return aggregated(flags, io, window, previous, out);

  const progress = readProgress(io);
  const origins = chooseFlowLogSource("analyse", flags, window, io, progress.live);
  origins.close();
  const due = previous === undefined ? window : windowToRead(previous, origins.origins, window);
  const chosen = chooseFlowLogSource("analyse", flags, due, io, progress.live);
  const workers = integerFlag(flags, "workers", availableParallelism(), { min: 1, max: 256 });
  const { reading, tally } = await readChosenSource(chosen, due, progress.records, workers)
    .catch((error: unknown) => {
      if (error instanceof LocalFileError || error instanceof FlowLogSourceError) {
        throw inputError(error.message);
      }
      throw error;
    })
    .finally(() => chosen.close());

  const read: EvidenceRead = {
    window,
    origins: chosen.origins.map((location) => ({
      kind: "flow-logs",
      location,
      ...(reading.highWater === undefined
        ? {}
        : { highWater: Math.min(reading.highWater, due.to) }),
      ...(tally.unit === "slices" ? {} : { files: tally.count }),
      records: reading.records,
    })),
  };
  const written = await writeBase(out, previous, read, reading.tally);

  if (booleanFlag(flags, "json")) {
    io.out(JSON.stringify(summaryOf(reading, chosen, tally, written, out), null, 2));
  } else {
    printSummary(io, reading, chosen, tally, written, out);
  }
  return ExitCode.ok;
};

/** An evidence base's window and origins, before its entries. */
type EvidenceRead = Omit<EvidenceBase, "entries">;

/** What was written: the base's window and how many entries it holds. */
interface WrittenBase {
  readonly window: TimeWindow;
  readonly entries: number;
}

/**
 * Writes what was just read, merged into `previous` when growing a base. A new base streams
 * its entries straight from the tally, so millions of them never exist as objects at once.
 */
const writeBase = async (
  out: string,
  previous: EvidenceBase | undefined,
  read: EvidenceRead,
  tally: EvidenceTally,
): Promise<WrittenBase> => {
  if (previous === undefined) {
    await writeEvidenceBase(out, { ...read, entries: tally.entriesInOrder() });
    return { window: read.window, entries: tally.size };
  }

  const base = mergeEvidenceBases([previous, { ...read, entries: tally.sortedEntries() }]);
  await writeEvidenceBase(out, base);
  return { window: base.window, entries: base.entries.length };
};

/** analyse with the aggregation pushed into Athena or Logs Insights. */
const aggregated = async (
  flags: FlagValues,
  io: ConsoleIo,
  window: TimeWindow,
  previous: EvidenceBase | undefined,
  out: string,
): Promise<ExitCode> => {
  const result = await aggregateInAws(flags, window, io);

  const fresh: EvidenceBase = {
    window,
    origins: [{ kind: "flow-logs", location: result.location, highWater: window.to }],
    entries: result.entries,
  };
  const base = previous === undefined ? fresh : mergeEvidenceBases([previous, fresh]);
  await writeEvidenceBase(out, base);

  io.out(result.summary);
  io.out(`Kept ${formatCount(result.entries.length)} distinct tuples as evidence.`);
  io.out(`Wrote ${out} (window ${formatTime(window.from)} to ${formatTime(window.to)}).`);
  return ExitCode.ok;
};

const summaryOf = (
  reading: EvidenceReading,
  chosen: ChosenSource,
  tally: SourceTally,
  written: WrittenBase,
  out: string,
) => ({
  out,
  window: { from: formatTime(written.window.from), to: formatTime(written.window.to) },
  source: { kind: chosen.kind, locations: chosen.origins, unit: tally.unit },
  files: tally.count,
  bytes: tally.bytes,
  records: reading.records,
  kept: reading.kept,
  entries: written.entries,
  skipped: Object.fromEntries(reading.tally.skips()),
  malformed: reading.malformed,
  malformedSamples: reading.malformedSamples,
});

const skippedFilesOf = (tally: SourceTally): string =>
  tally.skipped === 0
    ? ""
    : `; skipped ${formatCount(tally.skipped)} outside the window (day folders or files)`;

const whereFrom = (chosen: ChosenSource): string =>
  chosen.kind === "flow-logs" ? "" : ` from ${chosen.source.describe()}`;

const printSummary = (
  io: ConsoleIo,
  reading: EvidenceReading,
  chosen: ChosenSource,
  tally: SourceTally,
  written: WrittenBase,
  out: string,
): void => {
  io.out(
    `Read ${formatCount(tally.count)} ${tally.unit} (${formatBytes(tally.bytes)})` +
      `${whereFrom(chosen)}, ${formatCount(reading.records)} records${skippedFilesOf(tally)}.`,
  );
  io.out(
    `Kept ${formatCount(reading.kept)} records as evidence: ${formatCount(written.entries)} ` +
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
  const { from, to } = written.window;
  io.out(`Wrote ${out} (window ${formatTime(from)} to ${formatTime(to)}).`);
};
