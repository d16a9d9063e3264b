import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { ACCOUNT, HEADERS, REGION, trafficLines, type LogFormat } from "./flow-log-traffic.js";
import { syntheticEstate } from "./synthetic-estate.js";

/** What the generator wrote. */
export interface WrittenLogs {
  readonly files: number;
  readonly records: number;
  readonly bytes: number;
}

/** The first delivery interval of the generated logs: 2026-05-27T00:00:00Z. */
export const FIRST_INTERVAL = Date.parse("2026-05-27T00:00:00Z") / 1000;

const INTERVAL = 300;
const FLOW_LOG_IDS: Readonly<Record<LogFormat, string>> = {
  v2: "fl-0be7c4a5000000v02",
  v5: "fl-0be7c4a5000000v05",
};

const keyOf = (format: LogFormat, from: number, index: number): string[] => {
  const iso = new Date(from * 1000).toISOString();
  const stamp = iso.slice(0, 16).replace(/[-:]/g, "");
  const hash = ((index * 2_654_435_761) >>> 0).toString(16).padStart(8, "0");
  const name = `${ACCOUNT}_vpcflowlogs_${REGION}_${FLOW_LOG_IDS[format]}_${stamp}Z_${hash}.log.gz`;
  return ["AWSLogs", ACCOUNT, "vpcflowlogs", REGION, ...iso.slice(0, 10).split("-"), name];
};

const writeFile = async (path: string, lines: Iterable<string>): Promise<number> => {
  const file = createWriteStream(path);
  await pipeline(Readable.from(lines), createGzip(), file);
  return file.bytesWritten;
};

function* withHeader(header: string, lines: Iterable<string>): Generator<string> {
  yield `${header}\n`;
  yield* lines;
}

/**
 * Writes `records` flow-log records under `out` as VPC Flow Logs delivers them to S3: gzip
 * files of at most `perFile` records, each with its header line, alternating between a
 * default-format flow log and a version 5 one, one file per five-minute interval, in the
 * `AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/` folders. The same bytes every run;
 * two files are compressed at a time.
 */
export const writeFlowLogs = async (
  out: string,
  records: number,
  perFile: number,
): Promise<WrittenLogs> => {
  const estate = syntheticEstate(2_000, 50_000, 100, 20_260_527);
  const files = Math.ceil(records / perFile);
  const sizes: number[] = [];

  const writeOne = async (index: number): Promise<void> => {
    const format: LogFormat = index % 2 === 0 ? "v2" : "v5";
    const from = FIRST_INTERVAL + INTERVAL * Math.floor(index / 2);
    const count = Math.min(perFile, records - index * perFile);
    const key = keyOf(format, from, index);
    mkdirSync(join(out, ...key.slice(0, -1)), { recursive: true });

    const lines = trafficLines(estate, format, from, count, index + 1);
    sizes[index] = await writeFile(join(out, ...key), withHeader(HEADERS[format], lines));
  };

  for (let index = 0; index < files; index += 2) {
    await Promise.all([index, index + 1].filter((i) => i < files).map(writeOne));
  }
  return { files, records, bytes: sizes.reduce((sum, size) => sum + size, 0) };
};
