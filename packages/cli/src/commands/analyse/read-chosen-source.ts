import { flowLogPaths, isParquetFile } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import type { ChosenSource, SourceTally } from "./flow-log-source-choice.js";
import { readEvidence, type EvidenceReading } from "./read-evidence.js";
import { readLocalEvidence } from "./read-local-evidence.js";

/** A finished read of the chosen source, with what it went through. */
export interface SourceReading {
  readonly reading: EvidenceReading;
  readonly tally: SourceTally;
}

/**
 * Reads the chosen source for `window`. Local files are read on every core (`workers`
 * threads), as bytes, by {@link readLocalEvidence}; CloudWatch Logs and S3 stream through
 * the line parser, where the network, not the parser, sets the pace. So do local files
 * among which one is Parquet: the workers read text and gzip only.
 */
export const readChosenSource = async (
  chosen: ChosenSource,
  window: TimeWindow,
  progress: (records: number) => void,
  workers: number,
): Promise<SourceReading> => {
  if (chosen.kind !== "flow-logs" || (await holdsParquet(chosen.origins, window))) {
    const reading = await readEvidence(chosen.source, window, progress);
    return { reading, tally: chosen.tally() };
  }

  const local = await readLocalEvidence(chosen.origins, window, progress, { workers });
  const { files, bytes, skippedFiles, skippedFolders } = local.stats;
  const skipped = skippedFiles + skippedFolders;
  return { reading: local, tally: { unit: "files", count: files, bytes, skipped } };
};

/** Whether any file the window reads under `paths` is Parquet; a missing path is not. */
const holdsParquet = async (paths: readonly string[], window: TimeWindow): Promise<boolean> => {
  const skips = { skippedFiles: 0, skippedFolders: 0 };
  try {
    for await (const path of flowLogPaths(paths, window, skips)) {
      if (await isParquetFile(path)) return true;
    }
  } catch {
    return false;
  }
  return false;
};
