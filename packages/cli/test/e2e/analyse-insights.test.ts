import { insightsSpan } from "@sg/aws-adapter";
import {
  startEmulator,
  type EmulatorHandle,
  type InsightsQueryRecord,
  type LogEventSeed,
} from "@sg/aws-emulator";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_V5_FORMAT,
  demoFlowLogObjects,
  demoLogEvents,
} from "../../../aws-adapter/test/aws/flow-logs/support/demo-flow-log-objects.js";
import { DEMO_WINDOW } from "../../../aws-adapter/test/aws/athena/support/demo-records.js";
import {
  CROWD,
  crowdedLogEvents,
  emulatorEnv,
  insightsRowsOfEvents,
  V2_FIELDS,
} from "../support/aggregation-sources.js";
import { filesOf, runCli, type CliRun } from "../support/run-cli.js";

const NOW = "2026-05-28T12:00:00Z";
const DEMO_GROUP = "/vpc/demo-flow-logs";
const CROWDED_GROUP = "/vpc/crowded-flow-logs";
/** The demo's custom format as plain field names, as a header line writes it. */
const V5_FIELDS = DEMO_V5_FORMAT.replace(/[${}]/g, "");
/** Logs Insights' row cap, which the CLI splits at. */
const ROW_CAP = 10_000;

interface EvidenceFile {
  readonly origins: { kind: string; location: string; highWater?: string }[];
  readonly entries: unknown[];
}

let dir: string;
let emulator: EmulatorHandle;
let demoEvents: LogEventSeed[];
let crowdedEvents: LogEventSeed[];

const evidence = (name: string): EvidenceFile =>
  JSON.parse(readFileSync(join(dir, name), "utf8")) as EvidenceFile;

const analyse = (args: readonly string[]): Promise<CliRun> =>
  runCli(["analyse", "--now", NOW, "--days", "90", ...args], {
    cwd: dir,
    env: emulatorEnv(emulator.endpoint),
  });

/** Reads the group raw with FilterLogEvents, as the reference the aggregation must match. */
const readRaw = async (args: readonly string[], out: string): Promise<EvidenceFile> => {
  const run = await analyse([...args, "--out", out]);
  if (run.code !== 0) throw new Error(`analyse --log-group failed: ${run.stderr}`);
  return evidence(out);
};

/** The queries whose range holds no other query's: those whose answers were kept. */
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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sg-insights-"));
  demoEvents = demoLogEvents(demoFlowLogObjects());
  crowdedEvents = crowdedLogEvents(DEMO_WINDOW);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  emulator = await startEmulator({
    logGroups: { [DEMO_GROUP]: demoEvents, [CROWDED_GROUP]: crowdedEvents },
  });
  emulator.insights.register(DEMO_GROUP, insightsRowsOfEvents(V5_FIELDS, demoEvents, DEMO_WINDOW));
  emulator.insights.register(
    CROWDED_GROUP,
    insightsRowsOfEvents(V2_FIELDS, crowdedEvents, DEMO_WINDOW),
  );
  emulator.insights.pace({ runningPolls: 0 });
});

afterEach(async () => {
  await emulator.stop();
});

describe("analyse --insights", () => {
  it("should write the evidence reading the log group writes, in a custom format", async () => {
    // Arrange
    const format = ["--log-group", DEMO_GROUP, "--log-format", DEMO_V5_FORMAT];
    const raw = await readRaw(format, "raw-demo.json");

    // Act
    const run = await analyse(["--insights", ...format, "--out", "insights-demo.json"]);

    // Assert
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const aggregated = evidence("insights-demo.json");
    expect(raw.entries.length).toBeGreaterThan(20);
    expect(aggregated.entries).toEqual(raw.entries);
    expect(aggregated.origins).toEqual([
      { kind: "flow-logs", location: `insights:${DEMO_GROUP}`, highWater: NOW },
    ]);
    const span = insightsSpan(DEMO_WINDOW);
    expect(emulator.insights.queries).toMatchObject([
      { logGroupNames: [DEMO_GROUP], startTime: span.from, endTime: span.to, limit: ROW_CAP },
    ]);
    expect(emulator.insights.queries[0]?.queryString).toMatch(/^parse @message "\* \* /);
    expect(run.stdout).toContain(`Kept ${raw.entries.length} distinct tuples as evidence.`);
  });

  it("should split the window where a slice reaches the row cap and still match", async () => {
    // Arrange
    const raw = await readRaw(["--log-group", CROWDED_GROUP], "raw-crowded.json");

    // Act
    const crowded = ["--insights", "--log-group", CROWDED_GROUP, "--concurrency", "3"];
    const run = await analyse([...crowded, "--out", "insights-crowded.json"]);

    // Assert
    expect(run.code).toBe(0);
    const aggregated = evidence("insights-crowded.json");
    expect(raw.entries).toHaveLength(CROWD);
    expect(aggregated.entries).toEqual(raw.entries);
    const { queries } = emulator.insights;
    const span = insightsSpan(DEMO_WINDOW);
    expect(queries[0]).toMatchObject({ startTime: span.from, endTime: span.to });
    expect(queries.length).toBeGreaterThan(4);
    const leaves = leavesOf(queries);
    expect(leaves[0]?.startTime).toBe(span.from);
    expect(leaves.at(-1)?.endTime).toBe(span.to);
    leaves.slice(1).forEach((leaf, index) => {
      expect(leaf.startTime).toBe(leaves[index]!.endTime + 1);
    });
    expect(emulator.insights.peakConcurrency).toBeGreaterThan(1);
    expect(emulator.insights.peakConcurrency).toBeLessThanOrEqual(3);
    expect(run.stdout).toContain(`Logs Insights ran ${queries.length} queries`);
  });
});

describe("analyse --insights refusals", () => {
  it("should refuse --insights without --log-group before calling AWS", async () => {
    // Arrange
    const files = filesOf(dir);

    // Act
    const run = await analyse(["--insights", "--out", "refused.json"]);

    // Assert
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--log-group is required");
    expect(emulator.calls).toHaveLength(0);
    expect(filesOf(dir)).toEqual(files);
  });

  it("should refuse --insights beside another flow-log source before calling AWS", async () => {
    // Arrange
    const files = filesOf(dir);

    // Act
    const mixed = ["--insights", "--log-group", CROWDED_GROUP, "--s3", "s3://bucket/flows/"];
    const run = await analyse([...mixed, "--out", "refused.json"]);

    // Assert
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--insights aggregates in AWS and reads no logs itself");
    expect(run.stderr).toContain("leave out --s3");
    expect(emulator.calls).toHaveLength(0);
    expect(filesOf(dir)).toEqual(files);
  });

  it("should exit 3 naming the group and write nothing when a query ends Failed", async () => {
    // Arrange
    emulator.insights.failQuery("Failed");
    const files = filesOf(dir);

    // Act
    const run = await analyse(["--insights", "--log-group", CROWDED_GROUP, "--out", "f.json"]);

    // Assert
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /Logs Insights query \S+ on \/vpc\/crowded-flow-logs .* ended Failed/,
    );
    expect(run.stderr).not.toContain("internal error");
    expect(existsSync(join(dir, "f.json"))).toBe(false);
    expect(filesOf(dir)).toEqual(files);
  });

  it("should exit 3 naming the group and write nothing when it does not exist", async () => {
    // Arrange
    const files = filesOf(dir);

    // Act
    const run = await analyse(["--insights", "--log-group", "/vpc/absent", "--out", "a.json"]);

    // Assert
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("/vpc/absent");
    expect(run.stderr).toContain("ResourceNotFoundException");
    expect(filesOf(dir)).toEqual(files);
  });
});
