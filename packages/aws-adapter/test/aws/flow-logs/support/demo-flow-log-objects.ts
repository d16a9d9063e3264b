import { parquetWriteBuffer, type ColumnSource } from "hyparquet-writer";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { generateDemoFlowLogs } from "../../../../../../examples/demo/demo-flow-logs.js";

/** One flow-log object: its key under the delivery prefix and its bytes. */
export interface FlowLogObjectSeed {
  readonly key: string;
  readonly body: Buffer;
}

/** One CloudWatch Logs event as the emulator seeds it. */
export interface LogEventSeed {
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName: string;
}

/** The demo's custom (version 5) format, as `describe-flow-logs` prints a LogFormat. */
export const DEMO_V5_FORMAT = [
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes",
  "start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr",
  "pkt-dstaddr flow-direction traffic-path",
]
  .join(" ")
  .split(" ")
  .map((field) => `\${${field}}`)
  .join(" ");

const V5_FIELDS = DEMO_V5_FORMAT.replace(/[${}]/g, "").split(" ");
const INT32 = new Set(["version", "srcport", "dstport", "protocol", "tcp-flags", "traffic-path"]);
const INT64 = new Set(["packets", "bytes", "start", "end"]);

/**
 * The demo estate's flow-log files (examples/demo) as S3 objects in the default layout,
 * keyed from `AWSLogs/`, gzip text with a header line, in key order.
 */
export const demoFlowLogObjects = (): FlowLogObjectSeed[] => {
  const dir = mkdtempSync(join(tmpdir(), "sg-demo-logs-"));
  try {
    generateDemoFlowLogs(dir);
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => ({ key: relative(dir, path).split(sep).join("/"), body: readFileSync(path) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A default-layout key moved to the Hive-compatible layout, the file name unchanged. */
export const hiveKey = (key: string): string =>
  key.replace(
    /^AWSLogs\/(\d{12})\/vpcflowlogs\/([^/]+)\/(\d{4})\/(\d{2})\/(\d{2})\//,
    "AWSLogs/aws-account-id=$1/aws-service=vpcflowlogs/aws-region=$2/year=$3/month=$4/day=$5/",
  );

/** The header fields and the records of a gzip text object. */
const recordsOf = (body: Buffer): { fields: string[]; rows: string[][] } => {
  const [header = "", ...lines] = gunzipSync(body).toString("utf8").split("\n");
  const rows = lines.filter((line) => line.trim() !== "").map((line) => line.split(" "));
  return { fields: header.split(" "), rows };
};

/**
 * The same records as a Parquet file the way AWS types them: INT32 and INT64 columns for
 * the numeric fields, strings for the rest, `-` stored as null, column names with
 * underscores, Gzip-compressed pages, in row groups of `rowGroupSize` rows (small by default,
 * so that readers meet several).
 */
export const parquetOf = (body: Buffer, rowGroupSize = 50): Buffer => {
  const { fields, rows } = recordsOf(body);
  const columnData: ColumnSource[] = fields.map((field, column) => {
    const values = rows.map((row) => row[column] ?? "-");
    const name = field.replace(/-/g, "_");
    if (INT64.has(field)) {
      return { name, type: "INT64", data: values.map((v) => (v === "-" ? null : BigInt(v))) };
    }
    if (INT32.has(field)) {
      return { name, type: "INT32", data: values.map((v) => (v === "-" ? null : Number(v))) };
    }
    return { name, type: "STRING", data: values.map((v) => (v === "-" ? null : v)) };
  });

  const buffer = parquetWriteBuffer({
    columnData,
    codec: "GZIP",
    compressors: { GZIP: (input) => gzipSync(input) },
    rowGroupSize,
  });
  return Buffer.from(buffer);
};

/** A text object's key renamed for its Parquet twin (`….log.gz` → `….log.parquet`). */
export const parquetKey = (key: string): string => key.replace(/\.log\.gz$/, ".log.parquet");

/**
 * Every record of the objects as CloudWatch Logs events of one log group: each message in
 * the demo's version 5 format (fields a file lacks become `-`), timed at the record's start,
 * in the stream of its interface.
 */
export const demoLogEvents = (objects: readonly FlowLogObjectSeed[]): LogEventSeed[] =>
  objects.flatMap(({ body }) => {
    const { fields, rows } = recordsOf(body);
    return rows.map((row) => {
      const value = (field: string): string => row[fields.indexOf(field)] ?? "-";
      return {
        timestamp: Number(value("start")) * 1000,
        logStreamName: `${value("interface-id")}-all`,
        message: V5_FIELDS.map(value).join(" "),
      };
    });
  });
