import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import { estateMeaning } from "../support/estate-meaning.js";
import { demoWorkspace, runCli } from "../support/run-cli.js";

const NOW = "2026-05-28T12:00:00Z";

describe("the offline loop on the demo estate", () => {
  let dir: string;
  let original: Record<string, string[]>;

  beforeAll(async () => {
    dir = demoWorkspace();
    generateDemoFlowLogs(join(dir, "logs"));
    original = await estateMeaning(join(dir, "estate"));
  });

  it("should analyse the flow logs into an evidence base", async () => {
    const run = await runCli(
      ["analyse", "--flow-logs", "logs", "--now", NOW, "--days", "90", "--out", "approved.json"],
      { cwd: dir },
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Read 30 files");
    expect(run.stdout).toContain("61 distinct");
    const approved = JSON.parse(readFileSync(join(dir, "approved.json"), "utf8"));
    expect(approved.format).toBe("sg-tightener/approved");
    expect(approved.entries.every((e: { source: string }) => !e.source.startsWith("203."))).toBe(
      true,
    );
  });

  it("should plan the overview's worked example", async () => {
    const run = await runCli(
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "plan.json"],
      { cwd: dir },
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /10\.0\.0\.0\/16\s+10\.0\.10\.0\/27, 10\.0\.20\.10\/31\s+65,536 → 34/,
    );
    expect(run.stdout).toMatch(/10\.4\.0\.0\/16\s+10\.4\.8\.0\/29\s+65,536 → 8/);
    const api = /10\.8\.0\.0\/16\s+10\.8\.2\.0\/28, 10\.8\.16\.0\/28\s+65,536 → 32/;
    expect(run.stdout).toMatch(api);
    expect(run.stdout).toContain("Total trusted address space: 196,608 → 74");
    expect(run.stdout).toContain("Lateral-movement surface area reduction: 99.96%");
  });

  it("should write the same plan bytes when planning again", async () => {
    const first = readFileSync(join(dir, "plan.json"), "utf8");

    await runCli(
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "again.json"],
      {
        cwd: dir,
      },
    );

    expect(readFileSync(join(dir, "again.json"), "utf8")).toBe(first);
  });

  it("should apply the plan and record every change in a manifest", async () => {
    const run = await runCli(["apply", "--plan", "plan.json", "--estate", "estate"], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("5 rules authorised, 3 revoked");
    const after = await estateMeaning(join(dir, "estate"));
    expect(after["sg-0a11ce0000000web1"]!.some((r) => r.includes("|10.0.0.0/16|"))).toBe(false);
    expect(after["sg-0a11ce0000000web1"]!.some((r) => r.includes("|10.0.10.0/27|"))).toBe(true);
    const manifest = readdirSync(dir).find((name) => name.startsWith("manifest-"))!;
    const changes = JSON.parse(readFileSync(join(dir, manifest), "utf8")).changes;
    expect(changes.every((c: { state: string }) => c.state === "done")).toBe(true);
    expect(
      changes.filter((c: { rule: { ruleId?: string } }) => c.rule.ruleId === undefined),
    ).toEqual([]);
    const rules = JSON.parse(readFileSync(join(dir, "estate/security-group-rules.json"), "utf8"));
    const ids = rules.SecurityGroupRules.map(
      (r: { SecurityGroupRuleId: string }) => r.SecurityGroupRuleId,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("should refuse to apply the same plan twice", async () => {
    const run = await runCli(["apply", "--plan", "plan.json", "--estate", "estate"], { cwd: dir });

    expect(run.code).toBe(4);
    expect(run.stderr).toContain("the estate changed since the plan was built");
  });

  it("should revert to the original estate, and be safe to run twice", async () => {
    const manifest = readdirSync(dir).find((name) => name.startsWith("manifest-"))!;

    const first = await runCli(["revert", "--manifest", manifest, "--estate", "estate"], {
      cwd: dir,
    });
    const second = await runCli(["revert", "--manifest", manifest, "--estate", "estate"], {
      cwd: dir,
    });

    expect(first.code).toBe(0);
    expect(first.stdout).toContain("3 rules restored, 5 revoked");
    expect(await estateMeaning(join(dir, "estate"))).toEqual(original);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("0 rules restored, 0 revoked, 8 already as they were");
    expect(existsSync(join(dir, "estate/security-groups.json"))).toBe(true);
  });
});
