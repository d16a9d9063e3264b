/**
 * How far a live flow-log read has got, for progress lines on long reads: the slices
 * (CloudWatch Logs) or objects (S3) finished, how many are known so far, the bytes fetched
 * (compressed, for S3 objects) and the lines handed on. The read reports it after every
 * slice or object, so an operator watching a months-long read sees it advance.
 */
export interface LiveReadProgress {
  readonly unit: "slices" | "objects";
  readonly done: number;
  /** Slices planned, or objects listed so far (listing runs ahead of reading). */
  readonly known: number;
  readonly bytes: number;
  readonly lines: number;
}

/** A callback that receives {@link LiveReadProgress} as a read advances. */
export type LiveReadListener = (progress: LiveReadProgress) => void;
