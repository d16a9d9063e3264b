import type { Measurement } from "./measurement.js";

/** What every row is measured against: the records and bytes of the same files. */
export interface Workload {
  readonly records: number;
  readonly files: number;
  readonly gzipBytes: number;
  readonly textBytes: number;
}

const MB = 1e6;
const group = (value: number): string => Math.round(value).toLocaleString("en");

/**
 * The benchmark's results as a Markdown table: wall-clock and CPU seconds, records/s, and
 * MB/s of gzip and of the text it inflates to.
 */
export const reportTable = (workload: Workload, rows: readonly Measurement[]): string => {
  const lines = [
    "| run | seconds | CPU s | records/s | gzip MB/s | text MB/s | note |",
    "|---|---:|---:|---:|---:|---:|---|",
  ];
  for (const row of rows) {
    if ("skipped" in row) {
      lines.push(`| ${row.name} | – | – | – | – | – | skipped: ${row.skipped} |`);
      continue;
    }
    const { seconds } = row;
    lines.push(
      `| ${row.name} | ${seconds.toFixed(2)} | ${row.cpu?.toFixed(1) ?? "–"} | ` +
        `${group(workload.records / seconds)} | ` +
        `${(workload.gzipBytes / MB / seconds).toFixed(0)} | ` +
        `${(workload.textBytes / MB / seconds).toFixed(0)} | ${row.note ?? ""} |`,
    );
  }
  return lines.join("\n");
};

/** `a` took this many times as long as `b`, on the wall clock and in CPU time. */
export const ratio = (rows: readonly Measurement[], a: string, b: string): string => {
  const find = (name: string) => rows.find((row) => row.name === name);
  const first = find(a);
  const second = find(b);
  if (first === undefined || second === undefined || "skipped" in first || "skipped" in second) {
    return `${a} / ${b}: not measured`;
  }

  const wall = (first.seconds / second.seconds).toFixed(2);
  const cpu =
    first.cpu === undefined || second.cpu === undefined
      ? ""
      : `, CPU ${(first.cpu / second.cpu).toFixed(2)}`;
  return `${a} / ${b}: time ${wall}${cpu}`;
};
