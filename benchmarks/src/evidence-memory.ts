/**
 * What one distinct evidence entry costs in memory: fills the evidence tally with
 * `--entries` distinct tuples (ten million by default), the way a worker or the merge does,
 * and reports the heap and typed-array memory it holds. Run with --expose-gc so the figure
 * is measured after a full collection.
 *
 * Usage: node --expose-gc --import tsx benchmarks/src/evidence-memory.ts [--entries N]
 */
import { parseArgs } from "node:util";
import { EvidenceTally } from "@sg/cli";

const { values } = parseArgs({ options: { entries: { type: "string", default: "10000000" } } });
const entries = Number(values.entries);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const held = (): number => {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const before = held();
const tally = new EvidenceTally();
const interfaces = Array.from(
  { length: 4096 },
  (_, i) => `eni-0${i.toString(16).padStart(16, "0")}`,
);
const began = performance.now();
for (let index = 0; index < entries; index += 1) {
  const nic = interfaces[index & 4095]!;
  const source = 0x0a000000 + (index >>> 12);
  tally.add(nic, 0x0a140000 + (index & 4095), 6, 443, source, 1_779_840_000, 1_779_840_060);
}
const seconds = (performance.now() - began) / 1000;
const bytes = held() - before;

process.stdout.write(
  `${tally.size.toLocaleString("en")} distinct entries in ${seconds.toFixed(1)} s: ` +
    `${(bytes / 2 ** 20).toFixed(0)} MiB held (heap and typed arrays), ` +
    `${(bytes / tally.size).toFixed(1)} bytes per entry; the table reports ` +
    `${(tally.bytesHeld() / tally.size).toFixed(1)} bytes per entry\n`,
);
