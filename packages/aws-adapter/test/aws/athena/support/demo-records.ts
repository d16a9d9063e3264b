import { FlowLogFiles, type FlowLogLine, type FlowLogSource } from "@sg/aws-adapter";
import {
  DEFAULT_LAYOUT,
  isHeaderLine,
  isInboundEvidence,
  isRfc1918Address,
  parseFlowLogRecord,
  parseLayout,
  type EvidenceEntry,
  type FlowLogLayout,
  type FlowLogRecord,
  type TimeWindow,
} from "@sg/core";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { readEvidence } from "../../../../../cli/src/commands/analyse/read-evidence.js";
import { DEMO_NOW, generateDemoFlowLogs } from "../../../../../../examples/demo/demo-flow-logs.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The demo's 90-day window, as `analyse --days 90` takes it. */
export const DEMO_WINDOW: TimeWindow = { from: DEMO_NOW - 90 * 86_400, to: DEMO_NOW };

/** One flow-log file of the demo: its key from `AWSLogs/`, header fields and record lines. */
export interface DemoFile {
  readonly key: string;
  /** The UTC day the key's folders name, `YYYY-MM-DD`. */
  readonly day: string;
  readonly header: string;
  readonly lines: readonly string[];
}

/** A record the core's evidence rules keep, with the raw text of its addresses. */
export interface KeptRecord {
  readonly layout: "default" | "custom";
  readonly record: FlowLogRecord;
  readonly srcaddr: string;
  readonly pktSrcaddr: string;
}

/** Writes the demo flow logs to a fresh folder and returns it. */
export const demoFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "sg-demo-athena-"));
  generateDemoFlowLogs(dir);
  return dir;
};

/** The demo's files, in key order. */
export const demoFiles = (dir: string): DemoFile[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => {
      const key = relative(dir, path).split(sep).join("/");
      const [header = "", ...lines] = gunzipSync(readFileSync(path)).toString("utf8").split("\n");
      const [, , , , year, month, day] = key.split("/");
      return { key, day: `${year}-${month}-${day}`, header, lines: lines.filter((l) => l !== "") };
    });

/** What `analyse --flow-logs DIR` keeps for `window`, read by the CLI's own reader. */
export const analyseEntries = async (
  source: FlowLogSource | string,
  window: TimeWindow,
): Promise<EvidenceEntry[]> => {
  const files = typeof source === "string" ? new FlowLogFiles([source], { window }) : source;
  const reading = await readEvidence(files, window, () => undefined);
  return reading.tally.sortedEntries();
};

/** An in-memory flow-log source: one file of `lines` under `header`. */
export const linesSource = (header: string, lines: readonly string[]): FlowLogSource => ({
  describe: () => "memory.log",
  async *lines(): AsyncGenerator<FlowLogLine> {
    yield { location: "memory.log", lineNumber: 1, text: header, header: true };
    for (const [index, text] of lines.entries()) {
      yield { location: "memory.log", lineNumber: index + 2, text, header: false };
    }
  },
});

const layoutOf = (header: string): FlowLogLayout => {
  if (!isHeaderLine(header)) return DEFAULT_LAYOUT;
  const parsed = parseLayout(header);
  if (!parsed.ok) throw new Error(`demo header "${header}" is not a layout`);
  return parsed.value;
};

const keeps = (record: FlowLogRecord, window: TimeWindow): boolean => {
  const source = record.pktSrcaddr ?? record.srcaddr;
  const { dstaddr, start, end, interfaceId, protocol } = record;
  if (source === undefined || dstaddr === undefined || interfaceId === undefined) return false;
  if (start === undefined || end === undefined || protocol === undefined) return false;
  if (end < window.from || start > window.to || !isInboundEvidence(record)) return false;
  if (source.family !== "ipv4" || dstaddr.family !== "ipv4") return false;
  return isRfc1918Address(source.value);
};

/**
 * The demo records that the core's evidence rules keep for `window`: parsed with the core
 * parser under each file's header, then held to the same rules `analyse` applies.
 */
export const keptRecords = (files: readonly DemoFile[], window: TimeWindow): KeptRecord[] =>
  files.flatMap((file) => {
    const layout = layoutOf(file.header);
    const custom = layout.fields.length !== DEFAULT_LAYOUT.fields.length;
    return file.lines.flatMap((line): KeptRecord[] => {
      const parsed = parseFlowLogRecord(line, layout);
      if (!parsed.ok || !keeps(parsed.value, window)) return [];
      const tokens = line.split(" ");
      const at = (field: string): string => tokens[layout.fields.indexOf(field as never)] ?? "-";
      return [
        {
          layout: custom ? "custom" : "default",
          record: parsed.value,
          srcaddr: at("srcaddr"),
          pktSrcaddr: custom ? at("pkt-srcaddr") : "-",
        },
      ];
    });
  });
