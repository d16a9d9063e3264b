import type { EmulatorHandle } from "@sg/aws-emulator";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estateMeaning } from "../support/estate-meaning.js";
import { runCli } from "../support/run-cli.js";
import {
  analysedWorkspace,
  emulatorMeaning,
  jsonOf,
  runLive,
  startDemoEmulator,
} from "./live-estate.js";

const PLAN_TAG = "sg-tightener:plan";

interface ManifestFile {
  readonly estate: string;
  readonly changes: { state: string; action: string; rule: { ruleId?: string } }[];
}

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** Every action the policy in docs/iam/ for `command` allows, as `service:Action`. */
const allowedBy = (command: string): Set<string> => {
  const text = readFileSync(join(ROOT, "docs/iam", `${command}.json`), "utf8");
  const policy = JSON.parse(text) as { Statement: { Action: string[] }[] };
  return new Set(policy.Statement.flatMap((statement) => statement.Action));
};

/** Checks that the calls since the `from`-th were made, and all allowed by the policy. */
const expectAllowed = (emulator: EmulatorHandle, from: number, command: string): void => {
  const called = new Set(emulator.calls.slice(from).map((c) => `${c.service}:${c.action}`));
  const allowed = allowedBy(command);

  expect(called).toContain("ec2:DescribeSecurityGroupRules");
  expect([...called].filter((action) => !allowed.has(action))).toEqual([]);
};

const manifestIn = (dir: string): string =>
  readdirSync(dir).find((name) => name.startsWith("manifest-"))!;

describe("the loop on the live estate (emulated), against the offline loop", () => {
  let dir: string;
  let offlineDir: string;
  let emulator: EmulatorHandle;
  let original: Record<string, string[]>;
  let offlineApplied: Record<string, string[]>;
  let offlineApplyOutput: string;

  beforeAll(async () => {
    dir = await analysedWorkspace();
    offlineDir = join(dir, "offline");
    cpSync(join(dir, "estate"), join(offlineDir, "estate"), { recursive: true });
    cpSync(join(dir, "approved.json"), join(offlineDir, "approved.json"));
    original = await estateMeaning(join(offlineDir, "estate"));

    const plan = await runCli(
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "plan.json"],
      { cwd: offlineDir },
    );
    const apply = await runCli(["apply", "--plan", "plan.json", "--estate", "estate"], {
      cwd: offlineDir,
    });
    if (plan.code !== 0 || apply.code !== 0) throw new Error(`${plan.stderr}\n${apply.stderr}`);
    offlineApplied = await estateMeaning(join(offlineDir, "estate"));
    offlineApplyOutput = apply.stdout.split("\n")[0] ?? "";

    emulator = await startDemoEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it("should build the same plan, byte for byte, from the live estate", async () => {
    const first = emulator.calls.length;

    const run = await runLive(dir, emulator, [
      "plan",
      "--approved",
      "approved.json",
      "--out",
      "plan.json",
    ]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  sg-tightener apply --plan plan.json\n");
    expect(readFileSync(join(dir, "plan.json"), "utf8")).toBe(
      readFileSync(join(offlineDir, "plan.json"), "utf8"),
    );
    expectAllowed(emulator, first, "plan");
  });

  it("should apply the plan with the offline loop's result, tagging each new rule", async () => {
    const first = emulator.calls.length;

    const run = await runLive(dir, emulator, ["apply", "--plan", "plan.json"]);

    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(offlineApplyOutput);
    expect(await emulatorMeaning(emulator)).toEqual(offlineApplied);
    const digest = jsonOf<{ snapshot: { digest: string } }>(dir, "plan.json").snapshot.digest;
    const manifest = jsonOf<ManifestFile>(dir, manifestIn(dir));
    const added = manifest.changes.filter((change) => change.action === "authorise");
    const tagged = emulator.state
      .exportSecurityGroupRules()
      .SecurityGroupRules.filter((rule) =>
        (rule.Tags ?? []).some((tag) => tag.Key === PLAN_TAG && tag.Value === digest),
      )
      .map((rule) => rule.SecurityGroupRuleId);
    expect(tagged.sort()).toEqual(added.map((change) => change.rule.ruleId).sort());
    expect(manifest.changes.every((change) => change.state === "done")).toBe(true);
    expect(manifest.estate).toContain("live EC2 estate in us-east-1");
    expectAllowed(emulator, first, "apply");
  });

  it("should refuse to apply the same plan twice", async () => {
    const run = await runLive(dir, emulator, ["apply", "--plan", "plan.json"]);

    expect(run.code).toBe(4);
    expect(run.stderr).toContain("the estate changed since the plan was built");
  });

  it("should revert to the original estate, and be safe to run twice", async () => {
    const manifest = manifestIn(dir);
    const calls = emulator.calls.length;

    const first = await runLive(dir, emulator, ["revert", "--manifest", manifest]);
    const second = await runLive(dir, emulator, ["revert", "--manifest", manifest]);

    expect(first.code).toBe(0);
    expect(await emulatorMeaning(emulator)).toEqual(original);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("0 rules restored, 0 revoked");
    expectAllowed(emulator, calls, "revert");
  });
});
