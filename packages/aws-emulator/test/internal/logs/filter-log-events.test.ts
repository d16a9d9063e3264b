import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  FilterLogEventsCommand,
  paginateFilterLogEvents,
  type FilterLogEventsCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { logsClient, rejectionOf } from "../../support/sdk-clients.js";
import { boundedPages } from "../../support/bounded-pages.js";
import { FIRST_EVENT_MS, flowLogEvents } from "../../support/flow-log-events.js";
import { withEmulator } from "../../support/with-emulator.js";

const GROUP = "/vpc/flow-logs";
const MINUTE = 60_000;

const messagesOf = (events: number, input: Omit<FilterLogEventsCommandInput, "logGroupName">) =>
  withEmulator({ logGroups: { [GROUP]: flowLogEvents(events) } }, async ({ endpoint }) => {
    const out = await logsClient(endpoint).send(
      new FilterLogEventsCommand({ logGroupName: GROUP, ...input }),
    );
    return (out.events ?? []).map((event) => event.message ?? "");
  });

describe("FilterLogEvents", () => {
  it("should return events oldest first with their stream, timestamp and id", async () => {
    const events = await withEmulator(
      { logGroups: { [GROUP]: [...flowLogEvents(3)].reverse() } },
      async ({ endpoint }) => {
        const out = await logsClient(endpoint).send(
          new FilterLogEventsCommand({ logGroupName: GROUP }),
        );
        return out.events ?? [];
      },
    );

    expect(events.map((event) => event.timestamp)).toEqual([
      FIRST_EVENT_MS,
      FIRST_EVENT_MS + MINUTE,
      FIRST_EVENT_MS + 2 * MINUTE,
    ]);
    expect(events[0]).toMatchObject({
      logStreamName: "eni-0e000000000000001-all",
      eventId: expect.any(String),
      ingestionTime: FIRST_EVENT_MS,
    });
  });

  it.each<[string, Omit<FilterLogEventsCommandInput, "logGroupName">, number]>([
    ["includes an event at startTime", { startTime: FIRST_EVENT_MS + MINUTE }, 9],
    ["includes an event at endTime, as documented", { endTime: FIRST_EVENT_MS + MINUTE }, 2],
    [
      "keeps one event when start and end meet",
      { startTime: FIRST_EVENT_MS, endTime: FIRST_EVENT_MS },
      1,
    ],
    ["keeps only the named streams", { logStreamNames: ["eni-0e000000000000002-all"] }, 5],
    ["keeps only streams with the prefix", { logStreamNamePrefix: "eni-0e000000000000001" }, 5],
    ["keeps events with every plain term", { filterPattern: "REJECT OK" }, 3],
    ["keeps events with a quoted phrase", { filterPattern: '"443 6"' }, 10],
    ["stops a page at limit", { limit: 4 }, 4],
  ])("should see that the window %s", async (_, input, expected) => {
    expect(await messagesOf(10, input)).toHaveLength(expected);
  });

  it.each<[string, FilterLogEventsCommandInput, string]>([
    ["an unknown log group", { logGroupName: "/nope" }, "ResourceNotFoundException"],
    [
      "stream names with a prefix",
      { logGroupName: GROUP, logStreamNames: ["a"], logStreamNamePrefix: "a" },
      "InvalidParameterException",
    ],
    ["a limit of 0", { logGroupName: GROUP, limit: 0 }, "InvalidParameterException"],
    [
      "a space-delimited pattern it does not model",
      { logGroupName: GROUP, filterPattern: "[version, account]" },
      "InvalidParameterException",
    ],
    [
      "a token it never issued",
      { logGroupName: GROUP, nextToken: "bogus" },
      "InvalidParameterException",
    ],
  ])("should reject %s", async (_, input, code) => {
    const error = await withEmulator({ logGroups: { [GROUP]: flowLogEvents(2) } }, ({ endpoint }) =>
      rejectionOf(logsClient(endpoint).send(new FilterLogEventsCommand(input))),
    );

    expect(error.name).toBe(code);
  });

  it("should serve a deliberately empty first page with a nextToken", async () => {
    const first = await withEmulator(
      { logGroups: { [GROUP]: flowLogEvents(3) }, emptyLogPages: [0] },
      ({ endpoint }) =>
        logsClient(endpoint).send(new FilterLogEventsCommand({ logGroupName: GROUP })),
    );

    expect([first.events, typeof first.nextToken]).toEqual([[], "string"]);
  });

  const paging: [fc.Arbitrary<number>, fc.Arbitrary<number>, fc.Arbitrary<number[]>] = [
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 1, max: 7 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 5 }),
  ];

  test.prop(paging, { numRuns: 15 })(
    "should deliver every event exactly once to a client that pages through empty pages",
    async (count, pageSize, emptyLogPages) => {
      const seeded = flowLogEvents(count);
      const options = { logGroups: { [GROUP]: seeded }, logsPageSize: pageSize, emptyLogPages };

      const pages = await withEmulator(options, ({ endpoint }) =>
        boundedPages(
          paginateFilterLogEvents({ client: logsClient(endpoint) }, { logGroupName: GROUP }),
          count + emptyLogPages.length + 1,
        ),
      );

      const delivered = pages.flatMap((page) => page.events ?? []).map((event) => event.message);
      expect(delivered).toEqual(seeded.map((event) => event.message));
    },
  );

  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 9 })], { numRuns: 10 })(
    "should hold at most limit events on every page",
    async (count, limit) => {
      const options = { logGroups: { [GROUP]: flowLogEvents(count) } };

      const pages = await withEmulator(options, ({ endpoint }) =>
        boundedPages(
          paginateFilterLogEvents({ client: logsClient(endpoint) }, { logGroupName: GROUP, limit }),
          count + 1,
        ),
      );

      expect(Math.max(...pages.map((page) => page.events?.length ?? 0))).toBeLessThanOrEqual(limit);
    },
  );
});
