import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { DEFAULT_LAYOUT, type FlowLogLayout, type TimeWindow } from "@sg/core";
import type { FlowLogLine, FlowLogSource } from "../../ports/flow-log-source.js";
import { prefetchInOrder } from "./internal/prefetch-in-order.js";
import { readSlice } from "./internal/read-slice.js";
import { sliceLines } from "./internal/slice-lines.js";
import { timeSlices } from "./internal/time-slices.js";
import type { LiveReadListener, LiveReadProgress } from "./live-read-progress.js";

/** How long a slice is when not set: six hours, a balance of calls against memory. */
export const DEFAULT_SLICE_SECONDS = 6 * 3600;

/** How many slices are read at once when not set. */
export const DEFAULT_CONCURRENCY = 4;

/**
 * How far before the window events are read: a record's event time is its `start`, which
 * can precede the window while its `end` (what the window is tested against) falls inside.
 * Aggregation intervals are at most ten minutes; an hour leaves room for capture lag.
 */
const LEAD_SECONDS = 3600;

/** Where to read and how. */
export interface CloudWatchLogsSourceOptions {
  readonly client: CloudWatchLogsClient;
  readonly logGroup: string;
  /** The evidence window, Unix seconds; events whose time is after `to` are not read. */
  readonly window: TimeWindow;
  /** The flow log's format (events carry no header); the version 2 default when absent. */
  readonly layout?: FlowLogLayout;
  readonly concurrency?: number;
  readonly sliceSeconds?: number;
  readonly onProgress?: LiveReadListener;
}

/**
 * A flow log delivered to CloudWatch Logs, read with FilterLogEvents. The window is cut into
 * time slices read in parallel (bounded by `concurrency`) and handed on in time order, each
 * slice grouped by log stream, so every run over the same events yields the same lines.
 * Before each stream's events comes a header line spelling the configured format, because
 * events carry none; `location` is `group/stream` and `lineNumber` counts that stream's
 * events from the start of the read (0 for the header).
 *
 * A slice is held in memory while it waits its turn: memory grows with `concurrency` times
 * the events of one slice, which `sliceSeconds` bounds.
 */
export class CloudWatchLogsSource implements FlowLogSource {
  private tally: LiveReadProgress = { unit: "slices", done: 0, known: 0, bytes: 0, lines: 0 };

  constructor(private readonly options: CloudWatchLogsSourceOptions) {}

  /** Every event of the window's slices; rejects naming the group when a call fails. */
  async *lines(): AsyncGenerator<FlowLogLine> {
    const { client, logGroup, window, onProgress } = this.options;
    const header = (this.options.layout ?? DEFAULT_LAYOUT).fields.join(" ");
    const slices = timeSlices(
      (window.from - LEAD_SECONDS) * 1000,
      (window.to + 1) * 1000,
      (this.options.sliceSeconds ?? DEFAULT_SLICE_SECONDS) * 1000,
    );
    const tally = { unit: "slices" as const, done: 0, known: slices.length, bytes: 0, lines: 0 };
    this.tally = tally;

    const readings = prefetchInOrder(
      slices,
      this.options.concurrency ?? DEFAULT_CONCURRENCY,
      (slice, signal) => readSlice(client, logGroup, slice, signal),
    );
    const counts = new Map<string, number>();
    for await (const reading of readings) {
      for (const line of sliceLines(reading, logGroup, header, counts)) {
        if (!line.header) tally.lines += 1;
        yield line;
      }
      tally.done += 1;
      tally.bytes += reading.bytes;
      onProgress?.({ ...tally });
    }
  }

  /** The log group and the span of event times read, in one phrase. */
  describe(): string {
    const { logGroup, window } = this.options;
    const from = new Date((window.from - LEAD_SECONDS) * 1000).toISOString();
    const to = new Date(window.to * 1000).toISOString();
    return `CloudWatch Logs group ${logGroup}, events from ${from} to ${to}`;
  }

  /** Slices done and planned, message bytes and lines of the latest call to lines(). */
  progress(): LiveReadProgress {
    return { ...this.tally };
  }
}
