import {
  FlowLogSourceError,
  insightsEvidence,
  insightsSpan,
  type InsightsEvidenceOptions,
} from "@sg/aws-adapter";
import {
  startEmulator,
  type EmulatorHandle,
  type InsightsQueryRecord,
  type InsightsRowSeed,
} from "@sg/aws-emulator";
import { formatIpv4, mergeEvidence, parseLayout, type EvidenceEntry } from "@sg/core";
import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientAt, FAST_POLL, insightsRowsOf } from "../athena/support/canned-results.js";
import {
  analyseEntries,
  DEMO_WINDOW,
  demoFiles,
  demoFolder,
  keptRecords,
} from "../athena/support/demo-records.js";

const GROUP = "/vpc/flow-logs";
const WINDOW = { from: 1_780_000_000, to: 1_780_086_399 };
const SPAN = insightsSpan(WINDOW);

/** A flow seen at `at`: one tuple per `n`, so n tuples in all; the same n, the same tuple. */
const row = (n: number, at: number): InsightsRowSeed => ({
  timestamp: at * 1000,
  fields: {
    interfaceId: `eni-${n % 3}`,
    dstAddr: "10.20.0.10",
    protocol: "6",
    dstPort: "443",
    srcAddr: formatIpv4(0x0a000000 + n),
    startTime: String(at),
    endTime: String(at + 40),
  },
});

/** The evidence rows stand for, computed from them alone. */
const expectedOf = (rows: readonly InsightsRowSeed[]): EvidenceEntry[] =>
  mergeEvidence(
    rows.map(({ fields }) => ({
      interfaceId: fields["interfaceId"]!,
      destination: 0x0a14000a,
      protocol: 6,
      port: 443,
      source: Number(fields["srcAddr"]!.split(".").reduce((a, o) => a * 256 + Number(o), 0)),
      firstSeen: Number(fields["startTime"]),
      lastSeen: Number(fields["endTime"]),
      count: 1,
      provenance: ["flow-logs" as const],
    })),
  );

/** 200 tuples spread over the window, each seen again 12 hours later. */
const SPREAD = Array.from({ length: 200 }, (_, n) => [
  row(n, WINDOW.from + n * 200),
  row(n, WINDOW.from + n * 200 + 43_200),
]).flat();

let emulator: EmulatorHandle;

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.insights.pace({ runningPolls: 2 });
});

afterEach(async () => {
  await emulator.stop();
});

const read = (options: Partial<InsightsEvidenceOptions> = {}) =>
  insightsEvidence({
    client: clientAt(emulator.endpoint),
    logGroup: GROUP,
    window: WINDOW,
    poll: FAST_POLL,
    ...options,
  });

const failureOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the read to fail, but it succeeded");
};

/** The queries no other query's range lies inside: those whose answers were kept. */
const leavesOf = (queries: readonly InsightsQueryRecord[]): InsightsQueryRecord[] =>
  queries
    .filter(
      (query) =>
        !queries.some(
          (other) =>
            other !== query && other.startTime >= query.startTime && other.endTime <= query.endTime,
        ),
    )
    .sort((a, b) => a.startTime - b.startTime);

describe("insightsEvidence over the wire", () => {
  it("should answer with one query while the result stays under the cap", async () => {
    // Arrange
    emulator.insights.register(GROUP, SPREAD);

    // Act
    const evidence = await read();

    // Assert
    expect(evidence).toEqual({ entries: expectedOf(SPREAD), queries: 1 });
    expect(emulator.insights.queries).toMatchObject([
      { logGroupNames: [GROUP], startTime: SPAN.from, endTime: SPAN.to, limit: 10_000 },
    ]);
  });

  it("should split every slice that reaches the cap and merge the halves' rows", async () => {
    // Arrange
    emulator.insights.register(GROUP, SPREAD);
    emulator.insights.pace({ resultCap: 50 });

    // Act
    const evidence = await read({ rowCap: 50 });

    // Assert
    expect(evidence.entries).toEqual(expectedOf(SPREAD));
    expect(evidence.queries).toBe(emulator.insights.queries.length);
    expect(evidence.queries).toBeGreaterThan(8);
  });

  it("should keep answers whose slices tile the span, never sharing a second", async () => {
    // Arrange
    emulator.insights.register(GROUP, SPREAD);
    emulator.insights.pace({ resultCap: 50 });

    // Act
    await read({ rowCap: 50 });

    // Assert
    const leaves = leavesOf(emulator.insights.queries);
    expect(leaves[0]?.startTime).toBe(SPAN.from);
    expect(leaves.at(-1)?.endTime).toBe(SPAN.to);
    leaves.slice(1).forEach((leaf, index) => {
      expect(leaf.startTime).toBe(leaves[index]!.endTime + 1);
    });
  });

  it.each([1, 2, 5])("should run at most %i queries at once", async (concurrency) => {
    // Arrange
    emulator.insights.register(GROUP, SPREAD);
    emulator.insights.pace({ resultCap: 20, runningPolls: 3 });

    // Act
    await read({ rowCap: 20, concurrency });

    // Assert
    expect(emulator.insights.peakConcurrency).toBe(concurrency);
  });

  it("should refuse a concurrency above AWS's account limit of 30", async () => {
    // Act
    const error = await failureOf(read({ concurrency: 31 }));

    // Assert
    expect(error.message).toContain("concurrency 31 is not a whole number from 1 to 30");
  });

  it("should fail loudly when the shortest slice still reaches the cap", async () => {
    // Arrange
    const burst = Array.from({ length: 60 }, (_, n) => row(n, WINDOW.from + 10));
    emulator.insights.register(GROUP, burst);
    emulator.insights.pace({ resultCap: 50 });

    // Act
    const error = await failureOf(read({ rowCap: 50, minSliceSeconds: 60 }));

    // Assert
    expect(error).toBeInstanceOf(FlowLogSourceError);
    const [, from, to] = /between (\d+) and (\d+)/.exec(error.message) ?? [];
    expect(error.message).toContain("returned 50 rows, its cap, for /vpc/flow-logs");
    expect(Number(to) - Number(from) + 1).toBeLessThanOrEqual(60);
  });

  it.each(["Failed", "Cancelled", "Timeout"] as const)(
    "should reject naming the group when a query ends %s",
    async (status) => {
      // Arrange
      emulator.insights.register(GROUP, SPREAD);
      emulator.insights.failQuery(status);

      // Act
      const error = await failureOf(read());

      // Assert
      expect(error).toMatchObject({ location: GROUP, problem: "failed" });
      expect(error.message).toContain(`ended ${status}`);
    },
  );

  it("should stop the queries still running when another one fails", async () => {
    // Arrange
    emulator.insights.register(GROUP, SPREAD);
    emulator.insights.pace({ resultCap: 150, runningPolls: 50 });
    emulator.insights.failQuery("Failed", 2);

    // Act
    const error = await failureOf(read({ rowCap: 150, concurrency: 2 }));

    // Assert
    expect(error.message).toContain("ended Failed");
    const stopped = emulator.calls.filter((call) => call.action === "StopQuery");
    expect(stopped.map((call) => call.params["queryId"])).toEqual([
      emulator.insights.queries[2]?.queryId,
    ]);
  });

  it("should reject naming the group when it does not exist", async () => {
    // Act
    const error = await failureOf(read({ logGroup: "/vpc/missing" }));

    // Assert
    expect(error).toMatchObject({ location: "/vpc/missing", problem: "missing" });
  });
});

describe("insightsEvidence on the demo flow logs", () => {
  let folder: string;

  beforeAll(() => {
    folder = demoFolder();
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("should return exactly the entries analyse keeps, splitting at a cap of 10", async () => {
    // Arrange
    const files = demoFiles(folder);
    const kept = keptRecords(files, DEMO_WINDOW);
    emulator.insights.register(
      "/vpc/v2",
      insightsRowsOf(kept.filter((k) => k.layout === "default")),
    );
    emulator.insights.register(
      "/vpc/v5",
      insightsRowsOf(kept.filter((k) => k.layout === "custom")),
    );
    emulator.insights.pace({ resultCap: 10 });
    const custom = parseLayout(files.find((file) => file.header.includes("pkt-srcaddr"))!.header);
    if (!custom.ok) throw new Error("the demo's custom header is not a layout");

    // Act
    const v2 = await read({ logGroup: "/vpc/v2", window: DEMO_WINDOW, rowCap: 10 });
    const v5 = await read({
      logGroup: "/vpc/v5",
      window: DEMO_WINDOW,
      rowCap: 10,
      layout: custom.value,
    });

    // Assert
    expect(mergeEvidence(v2.entries, v5.entries)).toEqual(
      await analyseEntries(folder, DEMO_WINDOW),
    );
    expect(v2.queries + v5.queries).toBeGreaterThan(2);
  });
});
