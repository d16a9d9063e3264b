import {
  ABSENT_VALUE,
  DEFAULT_LAYOUT,
  RecordScanner,
  describeLayoutError,
  isHeaderBytes,
  parseLayout,
  textSpanOf,
  type TimeWindow,
  type Utf8Decode,
} from "@sg/core";
import type { EvidenceTally } from "../../commands/analyse/evidence-tally.js";
import type { MalformedLine } from "../../commands/analyse/read-evidence.js";
import type { FileCounts } from "../ingest-protocol.js";
import { KEEP, evidenceVerdict, sourceOf } from "./evidence-verdict.js";
import type { InterfaceInterner } from "./interface-interner.js";
import { firstFieldIsNotNumber, isBlankLine } from "./line-rules.js";

const SAMPLES = 5;
const CARRIAGE_RETURN = 13;
const ZERO = 48;
const NINE = 57;
const INTERFACE = textSpanOf("interfaceId");

/** A header line naming a layout the tool cannot use; the read stops, as the text path does. */
export class HeaderError extends Error {
  override readonly name = "HeaderError";
}

/** What a file scan shares with the worker: the tally, interning and layouts seen so far. */
export interface ScanContext {
  readonly window: TimeWindow;
  readonly tally: EvidenceTally;
  readonly interner: InterfaceInterner;
  readonly decode: Utf8Decode;
  /** A scanner per header text ("" for the default layout), built on first use. */
  readonly scanners: Map<string, RecordScanner>;
}

/**
 * One file's lines, scanned as bytes into the worker's tally with exactly the rules of the
 * text path: blank lines skipped but numbered, a header on line 1 when its first field is
 * not a number or on any line that reads as one, then every record parsed, counted,
 * classified and, if evidence, kept.
 */
export class FileScan {
  private lineNumber = 0;
  private records = 0;
  private kept = 0;
  private malformed = 0;
  private highWater = -1;
  private sawLines = false;
  private readonly samples: MalformedLine[] = [];
  private header: string | undefined;
  private scanner: RecordScanner;

  constructor(
    private readonly location: string,
    private readonly context: ScanContext,
    inheritedHeader: string | undefined,
  ) {
    this.header = inheritedHeader;
    this.scanner = this.scannerFor(inheritedHeader);
  }

  /** Records read so far, for progress. */
  get recordCount(): number {
    return this.records;
  }

  /** Reads the line `bytes[start, stop)`, its line feed excluded. */
  line(bytes: Uint8Array, start: number, stop: number): void {
    this.lineNumber += 1;
    const end = stop > start && bytes[stop - 1] === CARRIAGE_RETURN ? stop - 1 : stop;
    if (!this.isRecordLike(bytes, start, end) && this.isBlankOrHeader(bytes, start, end)) return;

    this.sawLines = true;
    this.records += 1;
    const problem = this.scanner.scan(bytes, start, end);
    if (problem !== undefined) {
      this.malformed += 1;
      const { location, lineNumber } = this;
      if (this.samples.length < SAMPLES) this.samples.push({ location, lineNumber, ...problem });
      return;
    }
    this.count(bytes);
  }

  /**
   * Whether the line is surely neither blank nor a header: it starts with a digit (as the
   * version field does) and is not a file's first line, whose first field decides.
   */
  private isRecordLike(bytes: Uint8Array, start: number, end: number): boolean {
    const first = start < end ? bytes[start]! : 0;
    return first >= ZERO && first <= NINE && this.lineNumber !== 1;
  }

  /** Whether the line is skipped as blank, or read as a header that sets the layout. */
  private isBlankOrHeader(bytes: Uint8Array, start: number, end: number): boolean {
    const { decode } = this.context;
    if (isBlankLine(bytes, start, end, decode)) return true;

    this.sawLines = true;
    const header =
      (this.lineNumber === 1 && firstFieldIsNotNumber(bytes, start, end, decode)) ||
      isHeaderBytes(bytes, start, end, decode);
    if (!header) return false;

    this.header = decode(bytes, start, end);
    this.scanner = this.scannerFor(this.header);
    return true;
  }

  /** The file's counts once every line has been read. */
  counts(bytes: number): FileCounts {
    return {
      records: this.records,
      kept: this.kept,
      malformed: this.malformed,
      samples: this.samples,
      ...(this.highWater < 0 ? {} : { highWater: this.highWater }),
      bytes,
      sawLines: this.sawLines,
      ...(this.header === undefined ? {} : { finalHeader: this.header }),
    };
  }

  private count(bytes: Uint8Array): void {
    const record = this.scanner.record;
    if (record.end !== ABSENT_VALUE && record.end > this.highWater) this.highWater = record.end;

    const interfaceStart = record.spans[INTERFACE]!;
    const verdict = evidenceVerdict(record, interfaceStart, this.context.window);
    if (verdict !== KEEP) {
      this.context.tally.skipAt(verdict);
      return;
    }

    const { tally, interner } = this.context;
    const nic = interner.indexOf(bytes, interfaceStart, record.spans[INTERFACE + 1]!);
    const port = record.dstport === ABSENT_VALUE ? 0 : record.dstport;
    tally.addAt(
      nic,
      record.dstaddr,
      record.protocol,
      port,
      sourceOf(record),
      record.start,
      record.end,
    );
    this.kept += 1;
  }

  private scannerFor(header: string | undefined): RecordScanner {
    const key = header ?? "";
    const known = this.context.scanners.get(key);
    if (known !== undefined) return known;

    const layout = header === undefined ? DEFAULT_LAYOUT : this.layoutOf(header);
    const scanner = new RecordScanner(layout, this.context.decode);
    this.context.scanners.set(key, scanner);
    return scanner;
  }

  private layoutOf(header: string) {
    const parsed = parseLayout(header);
    if (parsed.ok) return parsed.value;
    const where = `${this.location}:${this.lineNumber}`;
    throw new HeaderError(`${where}: ${describeLayoutError(parsed.error)}`);
  }
}
