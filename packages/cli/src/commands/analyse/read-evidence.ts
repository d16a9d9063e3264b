import type { FlowLogSource } from "@sg/aws-adapter";
import {
  DEFAULT_LAYOUT,
  describeLayoutError,
  isHeaderLine,
  isInboundEvidence,
  isRfc1918Address,
  parseFlowLogRecord,
  parseLayout,
  type FlowLogLayout,
  type FlowLogRecord,
  type TimeWindow,
} from "@sg/core";
import { inputError } from "../../cli/cli-error.js";
import { EvidenceTally, type SkipReason } from "./evidence-tally.js";

/** A line that could not be parsed, with where it was. */
export interface MalformedLine {
  readonly location: string;
  readonly lineNumber: number;
  readonly reason: string;
}

/** What a pass over flow logs read, kept and skipped. */
export interface EvidenceReading {
  readonly tally: EvidenceTally;
  readonly records: number;
  readonly kept: number;
  readonly malformed: number;
  /** The first few malformed lines, for the report. */
  readonly malformedSamples: readonly MalformedLine[];
  /** The newest record end time read, in Unix seconds. */
  readonly highWater?: number;
}

const SAMPLES = 5;
const PROGRESS_EVERY = 200_000;

/**
 * Streams every line of `source` through the core parser and keeps the evidence: accepted
 * records opened by a private IPv4 source, inside `window`. Each file's header line sets
 * its layout (a file without one is in the default version 2 format). A header that
 * cannot be used stops the read; a malformed record is counted and skipped.
 */
export const readEvidence = async (
  source: FlowLogSource,
  window: TimeWindow,
  progress: (records: number) => void,
): Promise<EvidenceReading> => {
  const tally = new EvidenceTally();
  const samples: MalformedLine[] = [];
  let layout = DEFAULT_LAYOUT;
  let location = "";
  let records = 0;
  let kept = 0;
  let malformed = 0;
  let highWater: number | undefined;

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
    if (!parsed.ok) {
      malformed += 1;
      const { location, lineNumber } = line;
      if (samples.length < SAMPLES) samples.push({ location, lineNumber, ...parsed.error });
      continue;
    }

    const record = parsed.value;
    if (record.end !== undefined && (highWater === undefined || record.end > highWater)) {
      highWater = record.end;
    }
    const skip = skipReason(record, window);
    if (skip !== undefined) {
      tally.skip(skip);
      continue;
    }
    keep(tally, record);
    kept += 1;
  }

  return {
    tally,
    records,
    kept,
    malformed,
    malformedSamples: samples,
    ...(highWater === undefined ? {} : { highWater }),
  };
};

const layoutFrom = (header: string, where: string): FlowLogLayout => {
  const parsed = parseLayout(header);
  if (!parsed.ok) {
    throw inputError(`${where}: ${describeLayoutError(parsed.error)}`);
  }
  return parsed.value;
};

const skipReason = (record: FlowLogRecord, window: TimeWindow): SkipReason | undefined => {
  if (record.logStatus === "NODATA" || record.logStatus === "SKIPDATA") return "no-data";
  if (record.action === "REJECT") return "rejected";

  const source = record.pktSrcaddr ?? record.srcaddr;
  const { dstaddr, start, end } = record;
  if (source === undefined || dstaddr === undefined || record.interfaceId === undefined) {
    return "incomplete";
  }
  if (start === undefined || end === undefined || record.protocol === undefined) {
    return "incomplete";
  }
  if (end < window.from || start > window.to) return "outside-window";
  if (record.flowDirection === "egress") return "egress";
  if (!isInboundEvidence(record)) return "return-traffic";
  if (source.family !== "ipv4" || dstaddr.family !== "ipv4") return "ipv6";
  if (!isRfc1918Address(source.value)) return "public-source";
  return undefined;
};

const keep = (tally: EvidenceTally, record: FlowLogRecord): void => {
  const source = (record.pktSrcaddr ?? record.srcaddr)!;
  const destination = record.dstaddr!;
  tally.add(
    record.interfaceId!,
    destination.value as number,
    record.protocol!,
    record.dstport ?? 0,
    source.value as number,
    record.start!,
    record.end!,
  );
};
