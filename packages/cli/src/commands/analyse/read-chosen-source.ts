import type { TimeWindow } from "@sg/core";
import type { ChosenSource, SourceTally } from "../../evidence/flow-log-source-choice.js";
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
 * the line parser, where the network, not the parser, sets the pace.
 */
export const readChosenSource = async (
  chosen: ChosenSource,
  window: TimeWindow,
  progress: (records: number) => void,
  workers: number,
): Promise<SourceReading> => {
  if (chosen.kind !== "flow-logs") {
    const reading = await readEvidence(chosen.source, window, progress);
    return { reading, tally: chosen.tally() };
  }

  const local = await readLocalEvidence(chosen.origins, window, progress, { workers });
  const { files, bytes, skippedFiles, skippedFolders } = local.stats;
  const skipped = skippedFiles + skippedFolders;
  return { reading: local, tally: { unit: "files", count: files, bytes, skipped } };
};
