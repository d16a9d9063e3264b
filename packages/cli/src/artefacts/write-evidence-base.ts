import { writeFileAtomically } from "@sg/aws-adapter";
import { evidenceBasePieces, type EvidenceBaseToWrite } from "./evidence-base.js";

/**
 * Writes approved.json atomically, streaming its entries as they are produced, so that the
 * size of a base is bounded by the disk rather than by the longest string or the heap.
 */
export const writeEvidenceBase = (path: string, base: EvidenceBaseToWrite): Promise<void> =>
  writeFileAtomically(path, evidenceBasePieces(base));
