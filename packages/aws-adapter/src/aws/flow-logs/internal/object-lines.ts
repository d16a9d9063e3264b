import type { FlowLogLine } from "../../../ports/flow-log-source.js";
import type { FlowLogObject } from "./open-object.js";
import { corruptParquet, objectFailure } from "./object-failure.js";
import { parquetLines } from "../../../internal/parquet-lines.js";
import { streamLines } from "./stream-lines.js";

/**
 * The lines of one fetched object, numbered from 1, blank lines skipped. Text keeps its own
 * header line (flagged when its first field is not a number); Parquet gets a synthetic
 * header as line 1 and a row per line after it. A failure names the object.
 */
export async function* objectLines(object: FlowLogObject): AsyncGenerator<FlowLogLine> {
  const { location } = object;
  const texts = object.kind === "text" ? streamLines(object.body) : parquetLines(object.bytes);
  let lineNumber = 0;

  try {
    for await (const text of texts) {
      lineNumber += 1;
      if (text.trim().length === 0) continue;
      const header = lineNumber === 1 && (object.kind === "parquet" || isHeader(text));
      yield { location, lineNumber, text, header };
    }
  } catch (error) {
    throw object.kind === "parquet"
      ? corruptParquet(error, location)
      : objectFailure(error, location);
  }
}

/** Releases an object that was fetched but will not be read. */
export const releaseObject = (object: FlowLogObject): void => {
  if (object.kind === "text") object.body.destroy();
};

const isHeader = (line: string): boolean => !/^\d+$/.test(line.trim().split(/\s+/)[0] ?? "");
