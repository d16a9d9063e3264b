import {
  FlowLogFiles,
  LocalFileError,
  flowLogPaths,
  probeFlowLogFile,
  type FlowLogFileProbe,
  type FlowLogReadStats,
} from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
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

  const probes = await probeAll(files);
  if (probes.some(({ encoding }) => encoding === "parquet")) {
    return readAsLines(paths, window, progress);
  }

  const tally = new EvidenceTally();
  const outcomes = await runIngest(files, probes, { window }, tally, progress, options);
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
 * Files probed at once. Each probe holds a file open, so probing every file at once runs
 * out of descriptors on large folders (EMFILE), and a probe that failed that way would
 * have let a Parquet file through to the text workers.
 */
const PROBES_AT_ONCE = 32;

/** A file that cannot be opened: its worker reports why, as the line reader would. */
const UNREADABLE: FlowLogFileProbe = { size: 0, encoding: "plain" };

/**
 * Every file's size, to start big files first, and encoding, since workers read text and
 * gzip only: one open a file, a bounded number at a time.
 */
const probeAll = async (files: readonly string[]): Promise<FlowLogFileProbe[]> => {
  const probes = files.map(() => UNREADABLE);
  let next = 0;
  const probeNext = async (): Promise<void> => {
    for (let index = next++; index < files.length; index = next++) {
      probes[index] = await probeFlowLogFile(files[index]!).catch(() => UNREADABLE);
    }
  };

  await Promise.all(Array.from({ length: PROBES_AT_ONCE }, probeNext));
  return probes;
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
