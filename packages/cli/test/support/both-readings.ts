import { FlowLogFiles } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import { readEvidence, type EvidenceReading } from "../../src/commands/analyse/read-evidence.js";
import { readLocalEvidence } from "../../src/commands/analyse/read-local-evidence.js";

/** Everything a reading says, in plain data, or the error it failed with. */
export type ReadingSummary =
  | {
      readonly entries: unknown;
      readonly skips: unknown;
      readonly counts: unknown;
      readonly stats: unknown;
    }
  | { readonly error: string; readonly message: string };

const summaryOf = (reading: EvidenceReading, stats: unknown): ReadingSummary => ({
  entries: reading.tally.sortedEntries(),
  skips: [...reading.tally.skips()],
  counts: {
    records: reading.records,
    kept: reading.kept,
    malformed: reading.malformed,
    malformedSamples: reading.malformedSamples,
    highWater: reading.highWater,
  },
  stats,
});

const failure = (error: unknown): ReadingSummary => ({
  error: error instanceof Error ? error.constructor.name : typeof error,
  message: error instanceof Error ? error.message : String(error),
});

/** Reads `paths` through the text path: FlowLogFiles and readEvidence on one thread. */
export const textReading = async (
  paths: readonly string[],
  window: TimeWindow,
): Promise<ReadingSummary> => {
  const files = new FlowLogFiles(paths, { window });
  return readEvidence(files, window, () => undefined).then(
    (reading) => summaryOf(reading, files.stats()),
    failure,
  );
};

/** Reads `paths` through the parallel byte path, with `workers` threads running `script`. */
export const fastReading = async (
  paths: readonly string[],
  window: TimeWindow,
  workers: number,
  workerScript: URL,
): Promise<ReadingSummary> =>
  readLocalEvidence(paths, window, () => undefined, { workers, workerScript }).then(
    (reading) => summaryOf(reading, reading.stats),
    failure,
  );
