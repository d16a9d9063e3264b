import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalEstate } from "@sg/aws-adapter";
import { TCP, parseIpv4Cidr, type Rule } from "@sg/core";
import { estateMeaning } from "../support/estate-meaning.js";
import { filesOf, runCli } from "../support/run-cli.js";
import { BUSY, compactWorkspace } from "./compact-estate.js";

const WEB = "sg-0a11ce0000000web1";

const https = (groupId: string, cidr: string): Rule => {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed.ok) throw new Error(cidr);
  return {
    groupId,
    protocol: TCP,
    ports: { from: 443, to: 443 },
    source: { kind: "cidr", cidr: parsed.value },
  };
};

/** A workspace with compact-plan.json written at ratio 0.3. */
const plannedWorkspace = async (): Promise<string> => {
  const dir = await compactWorkspace();
  const run = await runCli(
    ["compact", "plan", "--estate", "estate", "--ratio", "0.3", "--out", "compact-plan.json"],
    { cwd: dir },
  );
  expect(run.code).toBe(0);
  return dir;
};

const APPLY = ["compact", "apply", "--plan", "compact-plan.json", "--estate", "estate"];

describe("compact apply against a drifted estate", () => {
  it.each([
    { name: "a rule added to the compacted group", groupId: BUSY, code: 4 },
    { name: "a rule added to a group the plan leaves alone", groupId: WEB, code: 0 },
  ])("should handle $name", async ({ groupId, code }) => {
    const dir = await plannedWorkspace();
    await (
      await LocalEstate.open(join(dir, "estate"))
    ).authorise(groupId, [https(groupId, "10.77.0.0/24")]);
    const before = filesOf(dir);

    const run = await runCli(APPLY, { cwd: dir });

    expect(run.code).toBe(code);
    if (code === 4) {
      expect(run.stderr).toContain(`${BUSY}: added 6|443:443|10.77.0.0/24`);
      expect(filesOf(dir)).toEqual(before);
    }
  });
});

describe("compact apply with an edited plan", () => {
  it("should refuse a merge edited to admit less than the rules it revokes", async () => {
    const dir = await plannedWorkspace();
    const path = join(dir, "compact-plan.json");
    const plan = JSON.parse(readFileSync(path, "utf8"));
    const widened = plan.groups[0].merges.find((m: { kind: string }) => m.kind === "widened");
    widened.authorise[0].source.cidr = "10.20.0.0/23";
    writeFileSync(path, JSON.stringify(plan));
    const before = filesOf(dir);

    const run = await runCli(APPLY, { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("its merges do not keep coverage");
    expect(run.stderr).toContain("tcp/443 from 10.20.2.0/26 and nothing of the same protocol");
    expect(filesOf(dir)).toEqual(before);
  });

  it("should refuse a plan whose snapshot was edited", async () => {
    const dir = await plannedWorkspace();
    const path = join(dir, "compact-plan.json");
    const plan = JSON.parse(readFileSync(path, "utf8"));
    plan.snapshot.groups[0].rules.pop();
    writeFileSync(path, JSON.stringify(plan));

    const run = await runCli(APPLY, { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("was edited after it was built");
  });
});

describe("compact apply when a call fails", () => {
  it("should halt, leave the group as it was and print the revert command", async () => {
    const dir = await plannedWorkspace();
    const original = await estateMeaning(join(dir, "estate"));

    const run = await runCli(APPLY, { cwd: dir, env: { SG_TIGHTENER_TEST_FAIL_CALL: "4" } });

    expect(run.code).toBe(5);
    expect(run.stderr).toContain(`compact apply halted at ${BUSY}`);
    expect(run.stderr).toMatch(
      new RegExp(
        "To undo every change: sg-tightener compact revert --manifest " +
          "compact-manifest-\\d{8}T\\d{6}Z\\.json --estate estate",
      ),
    );
    expect(await estateMeaning(join(dir, "estate"))).toEqual(original);
    const manifest = readdirSync(dir).find((name) => name.startsWith("compact-manifest-"))!;
    expect(JSON.parse(readFileSync(join(dir, manifest), "utf8")).status).toBe("halted");
  });
});

describe("compact command line", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await compactWorkspace();
  });

  it.each([
    { line: "compact", code: 2, message: "expected one action, plan, apply or revert" },
    { line: "compact shrink", code: 2, message: 'got "shrink"' },
    {
      line: "compact plan --plan x.json",
      code: 2,
      message: "--plan is not a flag of compact plan",
    },
    { line: "compact plan --out x.json", code: 2, message: "--out writes a plan at one ratio" },
    {
      line: "compact plan --ratio 1.5",
      code: 2,
      message: '--ratio "1.5" is not a compaction ratio',
    },
    {
      line: "compact plan --estate estate --region eu-west-1",
      code: 2,
      message: "--region and --profile choose the live estate",
    },
    {
      line: "compact revert --manifest m.json --estate estate --dry-run",
      code: 2,
      message: "--dry-run is not a flag of compact revert",
    },
    { line: "compact apply --estate estate", code: 2, message: "--plan is required" },
    {
      line: "compact plan --estate estate --groups sg-0nope",
      code: 3,
      message: "sg-0nope, not in the estate",
    },
  ])("should refuse '$line' with exit code $code", async ({ line, code, message }) => {
    const before = filesOf(dir);

    const run = await runCli(line.split(" "), { cwd: dir });

    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(filesOf(dir)).toEqual(before);
  });

  it("should refuse to revert the manifest of another command", async () => {
    const manifest = {
      format: "sg-tightener/manifest",
      version: 1,
      command: "apply",
      estate: "x",
      startedAt: "2026-05-28T12:00:00Z",
      status: "complete",
      changes: [],
    };
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));

    const run = await runCli(
      ["compact", "revert", "--manifest", "manifest.json", "--estate", "estate"],
      { cwd: dir },
    );

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("undo it with sg-tightener revert --manifest manifest.json");
  });
});
