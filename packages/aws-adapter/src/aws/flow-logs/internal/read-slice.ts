import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { logsSdk } from "../../internal/sdk.js";
import { awsFailure } from "./aws-failure.js";
import type { TimeSlice } from "./time-slices.js";

/** One flow-log record as CloudWatch Logs delivered it: its stream, time and text. */
export interface SliceEvent {
  readonly stream: string;
  readonly timestamp: number;
  readonly message: string;
}

/** The events of one slice in reading order, and the message bytes they carried. */
export interface SliceReading {
  readonly events: readonly SliceEvent[];
  readonly bytes: number;
}

/**
 * Reads every event of `logGroup` whose timestamp lies in the half-open `slice`, following
 * `nextToken` through every page, empty ones included (CloudWatch Logs may return an empty
 * page while more events remain). The request's `endTime` is the slice's exclusive end and
 * events at or after it are dropped here, so a timestamp on a boundary is read once by the
 * later slice whether the service treats `endTime` as inclusive or not.
 *
 * Events come back grouped by stream, then by time and text, so the order does not depend
 * on how the service paged or interleaved them.
 */
export const readSlice = async (
  client: CloudWatchLogsClient,
  logGroup: string,
  slice: TimeSlice,
  signal: AbortSignal,
): Promise<SliceReading> => {
  const events: SliceEvent[] = [];
  let bytes = 0;
  let nextToken: string | undefined;

  do {
    const page = await client
      .send(
        new (logsSdk().FilterLogEventsCommand)({
          logGroupName: logGroup,
          startTime: slice.from,
          endTime: slice.until,
          ...(nextToken === undefined ? {} : { nextToken }),
        }),
        { abortSignal: signal },
      )
      .catch((error: unknown) => {
        throw awsFailure(error, "FilterLogEvents", `log group ${logGroup}`);
      });

    for (const { logStreamName, timestamp, message } of page.events ?? []) {
      if (timestamp === undefined || message === undefined) continue;
      if (timestamp < slice.from || timestamp >= slice.until) continue;
      events.push({ stream: logStreamName ?? "", timestamp, message });
      bytes += Buffer.byteLength(message);
    }
    nextToken = page.nextToken === "" ? undefined : page.nextToken;
  } while (nextToken !== undefined);

  return { events: events.sort(compareEvents), bytes };
};

const compareEvents = (a: SliceEvent, b: SliceEvent): number =>
  compareText(a.stream, b.stream) || a.timestamp - b.timestamp || compareText(a.message, b.message);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
