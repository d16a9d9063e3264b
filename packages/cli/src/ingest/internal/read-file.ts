import type { FileCounts, FileTask } from "../ingest-protocol.js";
import { fileChunks } from "./file-chunks.js";
import { FileScan, type ScanContext } from "./file-scan.js";

const LINE_FEED = 10;
const PROGRESS_EVERY = 500_000;

/**
 * Reads one flow-log file into the worker's tally, splitting the streamed bytes into lines
 * without decoding them. A line cut by a chunk boundary is joined into a small buffer of
 * its own; every other line is scanned where it lies. `progress` receives the number of
 * records read since it was last called.
 */
export const readFile = async (
  task: FileTask,
  context: ScanContext,
  progress: (records: number) => void,
): Promise<FileCounts> => {
  const scan = new FileScan(task.path, context, task.inheritedHeader);
  let bytesRead = 0;
  let carry: Uint8Array | undefined;
  let reported = 0;

  for await (const chunk of fileChunks(task, (bytes) => (bytesRead = bytes))) {
    let start = 0;
    if (carry !== undefined) {
      const end = chunk.indexOf(LINE_FEED);
      carry = joined(carry, chunk.subarray(0, end < 0 ? chunk.length : end));
      if (end < 0) continue;
      scan.line(carry, 0, carry.length);
      carry = undefined;
      start = end + 1;
    }

    for (
      let end = chunk.indexOf(LINE_FEED, start);
      end >= 0;
      end = chunk.indexOf(LINE_FEED, start)
    ) {
      scan.line(chunk, start, end);
      start = end + 1;
    }
    if (start < chunk.length) carry = chunk.slice(start);

    if (scan.recordCount - reported >= PROGRESS_EVERY) {
      progress(scan.recordCount - reported);
      reported = scan.recordCount;
    }
  }

  if (carry !== undefined) scan.line(carry, 0, carry.length);
  progress(scan.recordCount - reported);
  return scan.counts(bytesRead);
};

const joined = (head: Uint8Array, tail: Uint8Array): Uint8Array => {
  const both = new Uint8Array(head.length + tail.length);
  both.set(head);
  both.set(tail, head.length);
  return both;
};
