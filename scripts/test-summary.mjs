// Prints "N passed, N failed" from vitest's JSON report; a missing report is a failure.
import { readFileSync } from "node:fs";

const [file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`no test report at ${file}: ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const tail = skipped > 0 ? `, ${skipped} skipped` : "";
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${tail}`);
