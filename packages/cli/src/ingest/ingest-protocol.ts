import type { LocalFileProblem } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import type { TallyPart } from "../commands/analyse/evidence-tally.js";
import type { MalformedLine } from "../commands/analyse/read-evidence.js";

/**
 * The messages between `readLocalEvidence` (the main thread) and its ingest workers. A
 * worker reads whole files, one task at a time, into its own evidence tally; it reports
 * each file's counts as it finishes it, and hands over its tally, transferred rather than
 * copied, when told to finish (as soon as no file is left for it).
 */

/** What every worker is started with. */
export interface IngestSetup {
  readonly window: TimeWindow;
}

/** One file to read, `index` being its place in the order the text path reads files. */
export interface FileTask {
  readonly index: number;
  readonly path: string;
  /** The file's size on disk when probed, to size read buffers for small files; 0 if unknown. */
  readonly size: number;
  /** Whether the probe found the gzip magic bytes, so the worker inflates the file. */
  readonly gzip: boolean;
  /**
   * The header that sets the layout the file starts in, when the same path was read just
   * before it and left a header's layout in force; absent means the default layout.
   */
  readonly inheritedHeader?: string;
}

/** Why a file could not be read, in a form that crosses threads. */
export type ReadFailure =
  | {
      readonly kind: "local-file";
      readonly path: string;
      readonly problem: LocalFileProblem;
      readonly message: string;
    }
  | { readonly kind: "input"; readonly message: string }
  | { readonly kind: "other"; readonly message: string; readonly code?: string };

/** What one file held; the tally entries themselves stay in the worker until it finishes. */
export interface FileCounts {
  readonly records: number;
  readonly kept: number;
  readonly malformed: number;
  /** The file's first few malformed lines. */
  readonly samples: readonly MalformedLine[];
  readonly highWater?: number;
  /** Bytes read from disk. */
  readonly bytes: number;
  /** Whether the file had a line that was not blank, so that the next file may inherit. */
  readonly sawLines: boolean;
  /** The header whose layout was in force at the end of the file, if one was. */
  readonly finalHeader?: string;
}

/** Main thread to worker. */
export type ToWorker =
  { readonly kind: "read"; readonly task: FileTask } | { readonly kind: "finish" };

/** Worker to main thread. */
export type FromWorker =
  | { readonly kind: "progress"; readonly records: number }
  | { readonly kind: "file"; readonly index: number; readonly counts: FileCounts }
  | { readonly kind: "failed"; readonly index: number; readonly failure: ReadFailure }
  | { readonly kind: "tally"; readonly part: TallyPart };
