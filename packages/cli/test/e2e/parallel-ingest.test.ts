import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_NOW, generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import { textReading } from "../support/both-readings.js";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const DAY = 86_400;

/** A script that loads the built package as users do and prints what readLocalEvidence read. */
const script = (load: string, logs: string, window: { from: number; to: number }): string =>
  `${load}.then(async ({ readLocalEvidence }) => {
    const logs = [${JSON.stringify(logs)}];
    const r = await readLocalEvidence(logs, ${JSON.stringify(window)}, () => {});
    process.stdout.write(JSON.stringify({
      entries: r.tally.sortedEntries(),
      skips: [...r.tally.skips()],
      counts: { records: r.records, kept: r.kept, malformed: r.malformed,
        malformedSamples: r.malformedSamples, highWater: r.highWater },
      stats: r.stats,
    }));
  });`;

const runBuilt = (source: string): Promise<unknown> =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", source], { maxBuffer: 1 << 26 }, (error, stdout) =>
      error === null ? resolve(JSON.parse(stdout)) : reject(error),
    );
  });

describe("the built parallel ingest", () => {
  let logs: string;
  const window = { from: DEMO_NOW - 90 * DAY, to: DEMO_NOW };

  beforeAll(() => {
    logs = join(mkdtempSync(join(tmpdir(), "sg-built-ingest-")), "logs");
    generateDemoFlowLogs(logs);
  });

  it.each([
    ["ES module", `import(${JSON.stringify(join(DIST, "index.js"))})`],
    ["CommonJS", `Promise.resolve(require(${JSON.stringify(join(DIST, "index.cjs"))}))`],
  ])(
    "should find its workers from the %s build and read what the text path reads",
    async (_, load) => {
      const built = await runBuilt(script(load, logs, window));

      expect(built).toStrictEqual(JSON.parse(JSON.stringify(await textReading([logs], window))));
    },
  );
});
