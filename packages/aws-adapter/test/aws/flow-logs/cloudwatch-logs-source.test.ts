import { fc, test } from "@fast-check/vitest";
import { CloudWatchLogsSource, FlowLogSourceError } from "@sg/aws-adapter";
import { startEmulator, type EmulatorHandle, type LogEventSeed } from "@sg/aws-emulator";
import { parseLayout, type TimeWindow } from "@sg/core";
import { afterEach, describe, expect, it } from "vitest";
import { collectLines, failureOf, logsClientAt } from "./support/logs-client.js";

const GROUP = "/vpc/flow-logs";
const HOUR = 3600;
/** A window of ten whole hours; reads start an hour before it. */
const WINDOW: TimeWindow = { from: 1_750_000_000 - (1_750_000_000 % HOUR), to: 0 };
const window: TimeWindow = { ...WINDOW, to: WINDOW.from + 10 * HOUR - 1 };
const READ_FROM_MS = (window.from - HOUR) * 1000;
const READ_UNTIL_MS = (window.to + 1) * 1000;

const running: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

const emulatorWith = async (
  events: readonly LogEventSeed[],
  paging: { logsPageSize?: number; emptyLogPages?: number[] } = {},
): Promise<EmulatorHandle> => {
  const emulator = await startEmulator({ logGroups: { [GROUP]: events }, ...paging });
  running.push(emulator);
  return emulator;
};

const eventAt = (timestamp: number, index: number): LogEventSeed => ({
  timestamp,
  logStreamName: `eni-0${index % 3}-all`,
  message:
    `2 111122223333 eni-0${index % 3} 10.0.0.${index % 250} 10.1.0.1 40000 443 6 1 60 ` +
    `${Math.floor(timestamp / 1000)} ${Math.floor(timestamp / 1000) + 30} ACCEPT OK #${index}`,
});

/** Timestamps that favour slice boundaries (whole hours) and their neighbours. */
const timestamp = fc.oneof(
  fc
    .integer({ min: -1, max: 12 })
    .chain((hour) =>
      fc.constantFrom(-1, 0, 1).map((delta) => READ_FROM_MS + hour * HOUR * 1000 + delta),
    ),
  fc.integer({ min: READ_FROM_MS - 5000, max: READ_UNTIL_MS + 5000 }),
);

const sourceOver = (emulator: EmulatorHandle, options: { concurrency?: number } = {}) =>
  new CloudWatchLogsSource({
    client: logsClientAt(emulator.endpoint),
    logGroup: GROUP,
    window,
    sliceSeconds: HOUR,
    ...options,
  });

const messagesOf = (lines: readonly { text: string; header: boolean }[]): string[] =>
  lines.filter((line) => !line.header).map((line) => line.text);

describe("CloudWatchLogsSource", () => {
  test.prop([fc.array(timestamp, { maxLength: 40 })], { numRuns: 15 })(
    "should yield every event of the read span exactly once, boundaries and empty pages included",
    async (timestamps) => {
      // Arrange
      const events = timestamps.map(eventAt);
      const emulator = await emulatorWith(events, { logsPageSize: 2, emptyLogPages: [0, 2] });

      // Act
      const lines = await collectLines(sourceOver(emulator));

      // Assert
      const expected = events
        .filter((event) => event.timestamp >= READ_FROM_MS && event.timestamp < READ_UNTIL_MS)
        .map((event) => event.message);
      expect(messagesOf(lines).sort()).toEqual(expected.sort());
    },
  );

  test.prop([fc.array(timestamp, { maxLength: 40 }), fc.integer({ min: 1, max: 6 })], {
    numRuns: 10,
  })(
    "should yield the same lines whatever the concurrency and page size",
    async (timestamps, concurrency) => {
      // Arrange
      const events = timestamps.map(eventAt);
      const paged = await emulatorWith(events, { logsPageSize: 1, emptyLogPages: [1] });
      const whole = await emulatorWith([...events].reverse());

      // Act
      const parallel = await collectLines(sourceOver(paged, { concurrency }));
      const serial = await collectLines(sourceOver(whole, { concurrency: 1 }));

      // Assert
      expect(parallel).toEqual(serial);
    },
  );

  it("should follow nextToken through empty pages to the last page of every slice", async () => {
    const events = Array.from({ length: 7 }, (_, i) => eventAt(READ_FROM_MS + HOUR * 1000 + i, i));
    const emulator = await emulatorWith(events, { logsPageSize: 2, emptyLogPages: [0, 3] });

    const lines = await collectLines(sourceOver(emulator));

    const calls = emulator.calls.filter((call) => call.action === "FilterLogEvents");
    const busySlice = calls.filter((call) => call.params.startTime === READ_FROM_MS + HOUR * 1000);
    expect(messagesOf(lines)).toHaveLength(7);
    expect(busySlice).toHaveLength(6);
    expect(calls).toHaveLength(6 + 10 * 2);
  });

  it("should head each stream's events with the format and number them per stream", async () => {
    const at = READ_FROM_MS + 2 * HOUR * 1000;
    const events = [eventAt(at + 2, 0), eventAt(at + 1, 1), eventAt(at, 3), eventAt(at + 5, 4)];
    const emulator = await emulatorWith(events);
    const layout = parseLayout(
      "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} " +
        "${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} " +
        "${log-status}",
    );
    if (!layout.ok) throw new Error(layout.error.reason);

    const lines = await collectLines(
      new CloudWatchLogsSource({
        client: logsClientAt(emulator.endpoint),
        logGroup: GROUP,
        window,
        layout: layout.value,
      }),
    );

    const header = layout.value.fields.join(" ");
    const stream = (name: string) => `${GROUP}/${name}`;
    expect(lines.map((line) => [line.location, line.lineNumber, line.header])).toEqual([
      [stream("eni-00-all"), 0, true],
      [stream("eni-00-all"), 1, false],
      [stream("eni-00-all"), 2, false],
      [stream("eni-01-all"), 0, true],
      [stream("eni-01-all"), 1, false],
      [stream("eni-01-all"), 2, false],
    ]);
    expect(lines.filter((line) => line.header).map((line) => line.text)).toEqual([header, header]);
    expect(messagesOf(lines)).toEqual(
      [3, 0, 1, 4].map((i) => events.find((e) => e.message.endsWith(`#${i}`))!.message),
    );
  });

  it.each([
    ["/vpc/absent", [], "missing", "ResourceNotFoundException"],
    [GROUP, ["FilterLogEvents"], "denied", "AccessDeniedException"],
  ])(
    "should reject naming %s when the group cannot be read",
    async (group, denied, problem, code) => {
      const emulator = await startEmulator({ logGroups: { [GROUP]: [] }, deniedActions: denied });
      running.push(emulator);

      const failure = await failureOf(
        new CloudWatchLogsSource({
          client: logsClientAt(emulator.endpoint),
          logGroup: group,
          window,
        }),
      );

      expect(failure).toBeInstanceOf(FlowLogSourceError);
      expect(failure).toMatchObject({ problem, location: `log group ${group}` });
      expect(failure.message).toContain(`FilterLogEvents on log group ${group} failed: ${code}`);
    },
  );

  it("should read every event once when a third of the calls are throttled", async () => {
    const events = Array.from({ length: 30 }, (_, i) => eventAt(READ_FROM_MS + i * 1_000_000, i));
    const emulator = await emulatorWith(events, { logsPageSize: 4 });
    emulator.faults.throttle({ action: "FilterLogEvents", fraction: 0.3 });

    const lines = await collectLines(
      new CloudWatchLogsSource({
        client: logsClientAt(emulator.endpoint, 10),
        logGroup: GROUP,
        window,
        sliceSeconds: 3 * HOUR,
      }),
    );

    expect(emulator.calls.some((call) => call.fault === "throttled")).toBe(true);
    expect(messagesOf(lines).sort()).toEqual(events.map((event) => event.message).sort());
  });

  it("should report each slice done with the bytes and lines read so far", async () => {
    const events = [eventAt(READ_FROM_MS, 0), eventAt(READ_FROM_MS + HOUR * 1000, 1)];
    const emulator = await emulatorWith(events);
    const reports: unknown[] = [];

    const source = new CloudWatchLogsSource({
      client: logsClientAt(emulator.endpoint),
      logGroup: GROUP,
      window,
      sliceSeconds: HOUR,
      onProgress: (progress) => reports.push(progress),
    });
    await collectLines(source);

    const bytes = events.reduce((sum, event) => sum + event.message.length, 0);
    expect(reports).toHaveLength(11);
    expect(reports[1]).toMatchObject({ unit: "slices", done: 2, known: 11, lines: 2 });
    expect(source.progress()).toEqual({ unit: "slices", done: 11, known: 11, bytes, lines: 2 });
  });
});
