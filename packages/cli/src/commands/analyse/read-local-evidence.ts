import {
  FlowLogFiles,
  LocalFileError,
  flowLogPaths,
  isParquetFile,
  type FlowLogReadStats,
} from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import { stat } from "node:fs/promises";
import { inputError } from "../../cli/cli-error.js";
import { runIngest, type FileOutcome, type IngestOptions } from "../../ingest/ingest-pool.js";
import type { ReadFailure } from "../../ingest/ingest-protocol.js";
import { EvidenceTally } from "./evidence-tally.js";
import { readEvidence, type EvidenceReading, type MalformedLine } from "./read-evidence.js";

/** A reading of local files, with what the walk over them read and skipped. */
export interface LocalEvidenceReading extends EvidenceReading {
  readonly stats: FlowLogReadStats;
}

const SAMPLES = 5;

/**
 * {@link readEvidence} over `FlowLogFiles(paths, { window })`, on every core: the same
 * files in the same order, the same evidence, counts, skips, malformed samples, high-water
 * mark and errors, plus the stats `FlowLogFiles.stats()` would give. Workers gunzip and
 * scan whole files as bytes into their own tallies, which are merged here; memory grows
 * with the distinct evidence, not with the input. Workers read text and gzip only, so when
 * one of the files is Parquet the whole read goes through the line reader instead.
 */
export const readLocalEvidence = async (
  paths: readonly string[],
  window: TimeWindow,
  progress: (records: number) => void,
  options: IngestOptions = {},
): Promise<LocalEvidenceReading> => {
  const skips = { skippedFiles: 0, skippedFolders: 0 };
  const files: string[] = [];
  let walkError: unknown;
  try {
    for await (const path of flowLogPaths(paths, window, skips)) files.push(path);
  } catch (error) {
    walkError = error;
  }

  if (await anyParquet(files)) return readAsLines(paths, window, progress);

  const sizes = await Promise.all(files.map((file) => sizeOf(file)));
  const tally = new EvidenceTally();
  const outcomes = await runIngest(files, sizes, { window }, tally, progress, options);
  const counts = outcomes.map((outcome) => countsOf(outcome));
  if (walkError !== undefined) throw walkError;

  const highWater = counts.reduce((high, { highWater = -1 }) => Math.max(high, highWater), -1);
  const sum = (pick: (file: (typeof counts)[number]) => number): number =>
    counts.reduce((total, file) => total + pick(file), 0);

  return {
    tally,
    records: sum((file) => file.records),
    kept: sum((file) => file.kept),
    malformed: sum((file) => file.malformed),
    malformedSamples: counts
      .flatMap((file): MalformedLine[] => [...file.samples])
      .slice(0, SAMPLES),
    ...(highWater < 0 ? {} : { highWater }),
    stats: { files: files.length, bytes: sum((file) => file.bytes), ...skips },
  };
};

/**
 * Files probed at once for the Parquet magic. Each probe holds a file open, so probing
 * every file at once runs out of descriptors on large folders (EMFILE), and a probe that
 * failed that way would have let a Parquet file through to the text workers.
 */
const PROBES_AT_ONCE = 32;

/** Whether any file is Parquet; one that cannot be opened is not: its worker reports it. */
const anyParquet = async (files: readonly string[]): Promise<boolean> => {
  let next = 0;
  let found = false;
  const probe = async (): Promise<void> => {
    while (!found && next < files.length) {
      const file = files[next++]!;
      if (await isParquetFile(file).catch(() => false)) found = true;
    }
  };

  await Promise.all(Array.from({ length: PROBES_AT_ONCE }, probe));
  return found;
};

/** The same read through the line reader, which also reads Parquet. */
const readAsLines = async (
  paths: readonly string[],
  window: TimeWindow,
  progress: (records: number) => void,
): Promise<LocalEvidenceReading> => {
  const files = new FlowLogFiles(paths, { window });
  const reading = await readEvidence(files, window, progress);
  return { ...reading, stats: files.stats() };
};

/** A file's size, to start big files first; 0 when it cannot be read, which its worker reports. */
const sizeOf = (path: string): Promise<number> =>
  stat(path).then(
    (found) => found.size,
    () => 0,
  );

/** A file's counts; the first failure in file order is thrown, as the text path throws it. */
const countsOf = (outcome: FileOutcome | undefined) => {
  if (outcome === undefined) throw new Error("a flow-log file was left unread");
  if (!outcome.ok) throw errorOf(outcome.failure);
  return outcome.counts;
};

const errorOf = (failure: ReadFailure): Error => {
  if (failure.kind === "local-file") {
    return new LocalFileError(failure.path, failure.problem, failure.message);
  }
  if (failure.kind === "input") return inputError(failure.message);
  return Object.assign(
    new Error(failure.message),
    failure.code === undefined ? {} : { code: failure.code },
  );
};
