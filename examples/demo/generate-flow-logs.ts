/**
 * Writes the demo's flow logs (see demo-flow-logs.ts) under OUT_DIR.
 *
 * Usage: tsx examples/demo/generate-flow-logs.ts OUT_DIR
 */
import { generateDemoFlowLogs } from "./demo-flow-logs.js";

const out = process.argv[2];
if (out === undefined) {
  process.stderr.write("usage: generate-flow-logs.ts OUT_DIR\n");
  process.exit(2);
}
process.stdout.write(`Wrote ${generateDemoFlowLogs(out)} flow-log files under ${out}\n`);
