import type { FlowLogLine } from "../../../ports/flow-log-source.js";
import type { SliceReading } from "./read-slice.js";

/**
 * The lines of one slice's events, which come grouped by stream: each stream's run opens
 * with a header line spelling the flow log's format (`lineNumber` 0), since events carry
 * none, and its events follow with `location` `group/stream`. `counts` carries each
 * stream's event count across slices, so line numbers count from the start of the read.
 */
export function* sliceLines(
  reading: SliceReading,
  logGroup: string,
  header: string,
  counts: Map<string, number>,
): Generator<FlowLogLine> {
  let stream: string | undefined;

  for (const event of reading.events) {
    const location = `${logGroup}/${event.stream}`;
    if (event.stream !== stream) {
      stream = event.stream;
      yield { location, lineNumber: 0, text: header, header: true };
    }

    const lineNumber = (counts.get(stream) ?? 0) + 1;
    counts.set(stream, lineNumber);
    yield { location, lineNumber, text: event.message, header: false };
  }
}
