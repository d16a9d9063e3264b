import type { TimeWindow } from "@sg/core";
import type { FlowLogLine, FlowLogSource } from "../ports/flow-log-source.js";
import { fileLines } from "./internal/file-lines.js";
import { flowLogPaths } from "./internal/flow-log-paths.js";

/** Which flow-log files to read. */
export interface FlowLogFilesOptions {
  /**
   * The evidence window in Unix seconds. Files and folders whose S3 key date (the day of
   * delivery) lies more than a day outside it are skipped unread; others are all read.
   */
  readonly window?: TimeWindow;
}

/** How much the last pass over the files read and skipped, for reports. */
export interface FlowLogReadStats {
  readonly files: number;
  /** Bytes read from disk, compressed where the files are. */
  readonly bytes: number;
  readonly skippedFiles: number;
  readonly skippedFolders: number;
}

/**
 * Flow-log files on disk, as `--flow-logs PATH...` names them: text or gzip files as VPC
 * Flow Logs delivers them to S3, or folders of them (a synced bucket), walked in a fixed
 * order. Lines stream one at a time, so memory stays flat however many days are read; the
 * first line of a file is flagged as a header when its first field is not a number.
 */
export class FlowLogFiles implements FlowLogSource {
  private tally = { files: 0, bytes: 0, skippedFiles: 0, skippedFolders: 0 };

  constructor(
    private readonly paths: readonly string[],
    private readonly options: FlowLogFilesOptions = {},
  ) {}

  /** Every line of every file; rejects naming the file on a missing path or bad gzip. */
  async *lines(): AsyncGenerator<FlowLogLine> {
    const tally = { files: 0, bytes: 0, skippedFiles: 0, skippedFolders: 0 };
    this.tally = tally;

    for await (const location of flowLogPaths(this.paths, this.options.window, tally)) {
      tally.files += 1;
      let lineNumber = 0;
      for await (const text of fileLines(location, (read) => (tally.bytes += read))) {
        lineNumber += 1;
        if (text.trim().length === 0) continue;
        yield { location, lineNumber, text, header: lineNumber === 1 && isHeader(text) };
      }
    }
  }

  /** The paths read, and the window that limits them, in one phrase. */
  describe(): string {
    const { window } = this.options;
    const paths = this.paths.join(", ");
    if (window === undefined) return `flow-log files under ${paths}`;

    const delivered = `delivered from ${day(window.from)} to ${day(window.to)} ±1 day`;
    return `flow-log files ${delivered} under ${paths}`;
  }

  /** Files and bytes read, and files and folders skipped, by the latest call to lines(). */
  stats(): FlowLogReadStats {
    return { ...this.tally };
  }
}

const isHeader = (line: string): boolean => !/^\d+$/.test(line.trim().split(/\s+/)[0] ?? "");

const day = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
