/**
 * Writes the benchmark's flow logs: realistic version 2 and version 5 records, gzip, in the
 * S3 delivery layout, never committed.
 *
 * Usage: tsx benchmarks/src/generate.ts --records 10000000 --out DIR [--per-file 1000000]
 */
import { parseArgs } from "node:util";
import { writeFlowLogs } from "./internal/write-flow-logs.js";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "10000000" },
    out: { type: "string" },
    "per-file": { type: "string", default: "1000000" },
  },
});
if (values.out === undefined) {
  process.stderr.write("usage: generate.ts --records N --out DIR [--per-file N]\n");
  process.exit(2);
}

const began = performance.now();
const written = await writeFlowLogs(values.out, Number(values.records), Number(values["per-file"]));
const seconds = (performance.now() - began) / 1000;
process.stdout.write(
  `Wrote ${written.records.toLocaleString("en")} records in ${written.files} files ` +
    `(${(written.bytes / 2 ** 20).toFixed(1)} MiB gzip) under ${values.out} in ` +
    `${seconds.toFixed(1)} s\n`,
);
