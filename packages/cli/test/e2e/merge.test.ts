import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import { demoWorkspace, runCli } from "../support/run-cli.js";

const NOW = ["--now", "2026-05-28T12:00:00Z"];

const analyse = (dir: string, files: readonly string[], out: string) =>
  runCli(["analyse", ...files.flatMap((file) => ["--flow-logs", file]), ...NOW, "--out", out], {
    cwd: dir,
  });

describe("merging evidence bases", () => {
  it("should give the entries of one analyse over all the files", async () => {
    const dir = demoWorkspace();
    generateDemoFlowLogs(join(dir, "logs"));
    const files = readdirSync(join(dir, "logs"), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith(".gz"))
      .map((name) => join("logs", name))
      .sort();
    await analyse(dir, files, "all.json");
    await analyse(
      dir,
      files.filter((_, i) => i % 2 === 0),
      "even.json",
    );
    await analyse(
      dir,
      files.filter((_, i) => i % 2 === 1),
      "odd.json",
    );

    const run = await runCli(
      ["merge", "--approved", "odd.json", "--approved", "even.json", "--out", "merged.json"],
      { cwd: dir },
    );

    expect(run.code).toBe(0);
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
    expect(read("merged.json").entries).toEqual(read("all.json").entries);
    expect(read("merged.json").window).toEqual(read("all.json").window);
  });

  it("should refuse a single input", async () => {
    const run = await runCli(["merge", "--approved", "a.json", "--out", "b.json"], {
      cwd: demoWorkspace(),
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("give at least two --approved files");
  });
});

describe("growing an evidence base with --update", () => {
  it("should read only what is newer and end with the entries of one full read", async () => {
    const dir = demoWorkspace();
    generateDemoFlowLogs(join(dir, "logs"));
    const days = ["--days", "120"];
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));

    await runCli(
      [
        "analyse",
        "--flow-logs",
        "logs",
        "--now",
        "2026-05-01T00:00:00Z",
        ...days,
        "--out",
        "base.json",
      ],
      { cwd: dir },
    );
    const update = await runCli(
      ["analyse", "--flow-logs", "logs", ...NOW, ...days, "--update", "base.json"],
      { cwd: dir },
    );
    await runCli(["analyse", "--flow-logs", "logs", ...NOW, ...days, "--out", "full.json"], {
      cwd: dir,
    });

    expect(update.code).toBe(0);
    expect(read("base.json").entries).toEqual(read("full.json").entries);
    expect(read("base.json").origins[0].highWater).toBe(read("full.json").origins[0].highWater);
  });
});
