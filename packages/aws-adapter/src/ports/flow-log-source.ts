/**
 * One line of flow-log text and where it came from, so a parse error can point at the exact
 * file (or CloudWatch Logs stream) and line. `header` marks the first line of a file when
 * it names fields instead of carrying a record: S3 delivery writes one per file, and it is
 * how a custom format describes itself.
 */
export interface FlowLogLine {
  readonly location: string;
  readonly lineNumber: number;
  readonly text: string;
  readonly header: boolean;
}

/**
 * A source of raw flow-log lines: files on disk, S3 objects or CloudWatch Logs streams.
 * Lines are streamed, never collected, so months of logs fit in flat memory; parsing the
 * fields is left to the core parser, which needs the header to know the format.
 */
export interface FlowLogSource {
  /** Yields every line of every log in a deterministic order; rejects naming a bad file. */
  lines(): AsyncIterable<FlowLogLine>;

  /** Says where the lines come from, in one phrase for reports (`3 files under logs/`). */
  describe(): string;
}
