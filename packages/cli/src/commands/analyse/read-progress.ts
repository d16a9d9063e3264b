import type { LiveReadProgress } from "@sg/aws-adapter";
import type { ConsoleIo } from "../../cli/console-io.js";
import { formatBytes, formatCount } from "../../report/numbers.js";

/** The two things that advance during a read, each redrawing the status line. */
export interface ReadProgress {
  /** A live source finished a slice or an object. */
  readonly live: (progress: LiveReadProgress) => void;
  /** The parser got through another batch of records. */
  readonly records: (records: number) => void;
}

/**
 * The one-line progress of a long read on stderr (through `io.status`, so only on a
 * terminal): slices or objects done of those known, bytes fetched, records parsed and the
 * rate since the read began, e.g.
 * `analyse: 12/361 slices, 3.4 MiB, 120,000 records, 40,000 records/s`.
 */
export const readProgress = (io: ConsoleIo): ReadProgress => {
  const started = io.now().getTime();
  let live: LiveReadProgress | undefined;
  let records = 0;

  const draw = (): void => {
    const seconds = Math.max((io.now().getTime() - started) / 1000, 0.001);
    const parts = [
      ...(live === undefined
        ? []
        : [
            `${formatCount(live.done)}/${formatCount(live.known)} ${live.unit}`,
            formatBytes(live.bytes),
          ]),
      `${formatCount(records)} records`,
      `${formatCount(records / seconds)} records/s`,
    ];
    io.status(`analyse: ${parts.join(", ")}`);
  };

  return {
    live: (progress) => {
      live = progress;
      records = Math.max(records, progress.lines);
      draw();
    },
    records: (count) => {
      records = count;
      draw();
    },
  };
};
