import type { FlowLogLine } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import { DEMO_NOW } from "../../../../../../examples/demo/demo-flow-logs.js";

/** The demo's 90-day evidence window. */
export const DEMO_WINDOW: TimeWindow = { from: DEMO_NOW - 90 * 86_400, to: DEMO_NOW };

/**
 * A line reduced to what must match between two sources of the same files: the key from
 * `AWSLogs/` on (or the path, for local files), the line number, the header flag and text.
 */
export const lineShape = (line: FlowLogLine): [string, number, boolean, string] => [
  line.location.slice(line.location.indexOf("AWSLogs/")).replace(/\\/g, "/"),
  line.lineNumber,
  line.header,
  line.text,
];
