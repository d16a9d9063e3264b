import type { FlowLogSource } from "@sg/aws-adapter";
import {
  DEFAULT_LAYOUT,
  RejectCollector,
  describeLayoutError,
  isHeaderLine,
  parseFlowLogRecord,
  parseLayout,
  type FlowLogLayout,
  type RejectSkip,
  type RejectWindow,
  type RejectedAttempt,
  type TimeWindow,
} from "@sg/core";
import { inputError } from "../cli/cli-error.js";

/** A line that could not be parsed, and where it was. */
export interface MalformedRejectLine {
  readonly location: string;
  readonly lineNumber: number;
  readonly reason: string;
}

/** What one pass over flow logs found REJECTed, and what it read and skipped. */
export interface RejectReading {
  readonly attempts: readonly RejectedAttempt[];
  /** The window the attempts were counted in; none when a trailing read found no record. */
  readonly window?: TimeWindow;
  readonly records: number;
  readonly skips: ReadonlyMap<RejectSkip, number>;
  readonly malformed: number;
  /** The first few malformed lines, for the report. */
  readonly malformedSamples: readonly MalformedRejectLine[];
}

const SAMPLES = 5;
const PROGRESS_EVERY = 200_000;

/**
 * Streams every line of `source` through the core parser and gathers the blocked
 * connection attempts in `span`. Each location's header line sets its layout (a location
 * without one is in the default version 2 format). A header that cannot be used stops the
 * read with an input error; a malformed record is counted and skipped.
 */
export const readRejects = async (
  source: FlowLogSource,
  span: RejectWindow,
  progress: (records: number) => void,
): Promise<RejectReading> => {
  const collector = new RejectCollector(span);
  const samples: MalformedRejectLine[] = [];
  let layout = DEFAULT_LAYOUT;
  let location = "";
  let records = 0;
  let malformed = 0;

  for await (const line of source.lines()) {
    if (line.location !== location) {
      location = line.location;
      layout = DEFAULT_LAYOUT;
    }
    if (line.header || isHeaderLine(line.text)) {
      layout = layoutFrom(line.text, `${line.location}:${line.lineNumber}`);
      continue;
    }

    records += 1;
    if (records % PROGRESS_EVERY === 0) progress(records);
    const parsed = parseFlowLogRecord(line.text, layout);
    if (parsed.ok) {
      collector.add(parsed.value);
      continue;
    }
    malformed += 1;
    if (samples.length < SAMPLES) samples.push({ ...line, reason: parsed.error.reason });
  }

  const window = collector.window();
  return {
    attempts: collector.attempts(),
    ...(window === undefined ? {} : { window }),
    records,
    skips: collector.skips(),
    malformed,
    malformedSamples: samples,
  };
};

const layoutFrom = (header: string, where: string): FlowLogLayout => {
  const parsed = parseLayout(header);
  if (!parsed.ok) throw inputError(`${where}: ${describeLayoutError(parsed.error)}`);
  return parsed.value;
};
