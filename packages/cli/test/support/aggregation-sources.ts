import type { InsightsRowSeed, LogEventSeed } from "@sg/aws-emulator";
import { formatIpv4, type TimeWindow } from "@sg/core";
import { insightsRowsOf } from "../../../aws-adapter/test/aws/athena/support/canned-results.js";
import { keptRecords } from "../../../aws-adapter/test/aws/athena/support/demo-records.js";

const DAY = 86_400;

/** The default (version 2) flow-log fields, as a header line names them. */
export const V2_FIELDS =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status";

/**
 * The environment that points the built CLI's Athena and CloudWatch Logs clients at the
 * emulator, with credentials it accepts and a Region.
 */
export const emulatorEnv = (endpoint: string): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: "AKIAANALYTICSTEST01",
  AWS_SECRET_ACCESS_KEY: "analytics-secret",
  AWS_REGION: "us-east-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ENDPOINT_URL_ATHENA: endpoint,
  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
});

/**
 * The rows Logs Insights' `parse` and `filter` commands would pass on for a log group's
 * events in the format `fields` names: the events read as one file under that header, kept
 * by the core's evidence rules for `window`, named as the query names them.
 */
export const insightsRowsOfEvents = (
  fields: string,
  events: readonly LogEventSeed[],
  window: TimeWindow,
): InsightsRowSeed[] =>
  insightsRowsOf(
    keptRecords(
      [{ key: "log-group", day: "", header: fields, lines: events.map((e) => e.message) }],
      window,
    ),
  );

/** How many distinct private sources the crowded group's burst holds. */
export const CROWD = 12_500;

/** One connection as a log event in the default format: `from` opened it to `to` over TCP. */
const tcpEvent = (
  nic: string,
  start: number,
  [from, fromPort]: readonly [string, number],
  [to, toPort]: readonly [string, number],
  action = "ACCEPT",
): LogEventSeed => ({
  timestamp: start * 1000,
  logStreamName: `${nic}-all`,
  message: [2, "111122223333", nic, from, to, fromPort, toPort, 6, 10, 840, start, start + 59]
    .concat([action, "OK"])
    .join(" "),
});

/**
 * A log group in the default format whose traffic outgrows one Logs Insights answer:
 * {@link CROWD} private sources each open a connection within three days from day 30 of
 * the window (more tuples than the 10,000-row cap), and again spread over days 40 to 69, so
 * tuples recur across slices. Every tenth source also leaves a reject, a reply leg, a
 * public source's connection and a record from before the window, which evidence skips.
 */
export const crowdedLogEvents = (window: TimeWindow): LogEventSeed[] => {
  const burstAt = window.from + 30 * DAY;
  const spreadAt = window.from + 40 * DAY;
  const server = "10.30.0.10";

  return Array.from({ length: CROWD }, (_, k): LogEventSeed[] => {
    const nic = `eni-0c0ffee00000000${k % 3}`;
    const client = [formatIpv4(0x0a400000 + k), 32_768 + (k % 28_000)] as const;
    const burst = burstAt + Math.floor((k * 3 * DAY) / CROWD);
    const kept = [
      tcpEvent(nic, burst, client, [server, 443]),
      tcpEvent(nic, spreadAt + k * 200, client, [server, 443]),
    ];
    if (k % 10 !== 0) return kept;

    return [
      ...kept,
      tcpEvent(nic, burst + 1, client, [server, 22], "REJECT"),
      tcpEvent(nic, burst + 2, [server, 443], client),
      tcpEvent(nic, burst + 3, [formatIpv4(0x34000000 + k), client[1]], [server, 443]),
      tcpEvent(nic, window.from - 2 * DAY + k, client, [server, 443]),
    ];
  }).flat();
};
