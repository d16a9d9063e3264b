import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalEstate } from "@sg/aws-adapter";
import { isSubsetOf, ruleKey, type Ipv4Cidr, type Rule } from "@sg/core";
import { estateMeaning } from "../support/estate-meaning.js";
import { filesOf, runCli } from "../support/run-cli.js";
import { BUSY, FULL, compactWorkspace } from "./compact-estate.js";

const rulesOf = async (dir: string, groupId: string): Promise<readonly Rule[]> => {
  const inventory = await (await LocalEstate.open(join(dir, "estate"))).read();
  return inventory.groups.find((group) => group.groupId === groupId)!.rules;
};

const trafficOf = (rule: Rule): string =>
  ruleKey({ ...rule, source: { kind: "group", groupId: "" } });

const ipv4Of = (rule: Rule): Ipv4Cidr | undefined =>
  rule.source.kind === "cidr" && rule.source.cidr.family === "ipv4" ? rule.source.cidr : undefined;

/** Whether a rule of `after` with the same protocol and ports admits all of `rule`. */
const stillAdmitted = (rule: Rule, after: readonly Rule[]): boolean => {
  const block = ipv4Of(rule);
  return (
    block === undefined ||
    after.some((other) => {
      const outer = ipv4Of(other);
      return (
        trafficOf(other) === trafficOf(rule) && outer !== undefined && isSubsetOf(block, outer)
      );
    })
  );
};

const manifestIn = (dir: string): string =>
  readdirSync(dir).find((name) => name.startsWith("compact-manifest-"))!;

describe("compact on an estate with a group near its quota", () => {
  let dir: string;
  let original: Record<string, string[]>;
  let busyBefore: readonly Rule[];

  beforeAll(async () => {
    dir = await compactWorkspace();
    original = await estateMeaning(join(dir, "estate"));
    busyBefore = await rulesOf(dir, BUSY);
  });

  it("should rank the groups nearest their quota and sweep the ratios, no writes", async () => {
    const before = filesOf(dir);

    const run = await runCli(["compact", "plan", "--estate", "estate"], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sg-0a11ce00000full6 \(full-tier\)\s+60\s+60\s+100\.00%\s+60/);
    expect(run.stdout).toMatch(/sg-0a11ce00000busy5 \(busy-tier\)\s+57\s+60\s+95\.00%\s+54/);
    expect(run.stdout).toMatch(/0\.1\s+57 → 26\s+31\s+0\s+6/);
    expect(run.stdout).toMatch(/0\.3\s+57 → 23\s+34\s+196\s+5/);
    expect(run.stdout).toMatch(/0\.9\s+57 → 16\s+41\s+14,768\s+3/);
    expect(run.stdout).toMatch(/0\.5\s+60 → 1\s+59\s+64\s+1\s+refused: no free rule slot/);
    expect(filesOf(dir)).toEqual(before);
  });

  it("should print the sweep as JSON, never fewer rules reclaimed at a higher ratio", async () => {
    const run = await runCli(
      ["compact", "plan", "--estate", "estate", "--groups", BUSY, "--json"],
      { cwd: dir },
    );

    const printed = JSON.parse(run.stdout);
    expect(printed.groups.map((g: { groupId: string }) => g.groupId)).toEqual([BUSY]);
    const after = printed.groups[0].sweep.map((p: { rulesAfter: number }) => p.rulesAfter);
    expect(after).toEqual([26, 26, 23, 22, 22, 21, 21, 20, 16]);
    expect(printed.ratioDefinition).toContain("|W - union of the class rules inside W| / |W|");
  });

  it("should write a plan to review at one ratio, refusing the group at its quota", async () => {
    const run = await runCli(
      ["compact", "plan", "--estate", "estate", "--ratio", "0.3", "--out", "compact-plan.json"],
      { cwd: dir },
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /tcp\/443\s+10\.20\.8\.0\/24, 10\.20\.9\.0\/25\s+10\.20\.8\.0\/23\s+128\s+25\.00%/,
    );
    expect(run.stdout).toMatch(/tcp\/22\s+10\.30\.5\.0\/24\s+10\.30\.0\.0\/16 \(kept\)\s+0/);
    expect(run.stdout).toContain("57 → 23 rules (34 reclaimed), 196 addresses added");
    expect(run.stdout).toContain(`REFUSED: ${FULL} uses 60 of its 60 inbound rules`);
    const plan = JSON.parse(readFileSync(join(dir, "compact-plan.json"), "utf8"));
    expect(plan.format).toBe("sg-tightener/compact-plan");
    expect(plan.snapshot.groups.map((g: { groupId: string }) => g.groupId)).toEqual([BUSY]);
    expect(plan.refused.map((g: { groupId: string }) => g.groupId)).toEqual([FULL]);
    const ratios = plan.groups[0].merges.map((m: { ratio: number }) => m.ratio);
    expect(ratios.filter((ratio: number) => ratio > 0.3)).toEqual([]);
  });

  it("should write the same plan bytes when planning again", async () => {
    await runCli(
      ["compact", "plan", "--estate", "estate", "--ratio", "30%", "--out", "again.json"],
      { cwd: dir },
    );

    expect(readFileSync(join(dir, "again.json"), "utf8")).toBe(
      readFileSync(join(dir, "compact-plan.json"), "utf8"),
    );
  });

  it("should list the calls of a dry run and change nothing", async () => {
    const before = filesOf(dir);

    const run = await runCli(
      ["compact", "apply", "--plan", "compact-plan.json", "--estate", "estate", "--dry-run"],
      { cwd: dir },
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${BUSY}: authorise 1 rules, then revoke 16`);
    expect(run.stdout).toContain("  + tcp/443 from 10.20.0.0/22");
    expect(filesOf(dir)).toEqual(before);
  });

  it("should apply the plan merge by merge and keep every address admitted", async () => {
    const run = await runCli(
      ["compact", "apply", "--plan", "compact-plan.json", "--estate", "estate"],
      { cwd: dir },
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("5 blocks authorised, 39 rules revoked, 34 rules reclaimed");
    const after = await rulesOf(dir, BUSY);
    expect(after).toHaveLength(23);
    expect(busyBefore.filter((rule) => !stillAdmitted(rule, after))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, manifestIn(dir)), "utf8"));
    expect(manifest.command).toBe("compact");
    expect(manifest.changes.every((c: { state: string }) => c.state === "done")).toBe(true);
    expect((await estateMeaning(join(dir, "estate")))[FULL]).toEqual(original[FULL]);
  });

  it("should refuse to apply the same plan twice", async () => {
    const before = filesOf(dir);

    const run = await runCli(
      ["compact", "apply", "--plan", "compact-plan.json", "--estate", "estate"],
      { cwd: dir },
    );

    expect(run.code).toBe(4);
    expect(run.stderr).toContain("the estate changed since the plan was built");
    expect(filesOf(dir)).toEqual(before);
  });

  it("should revert to the original estate, and be safe to run twice", async () => {
    const manifest = manifestIn(dir);
    const revert = ["compact", "revert", "--manifest", manifest, "--estate", "estate"];

    const first = await runCli(revert, { cwd: dir });
    const second = await runCli(revert, { cwd: dir });

    expect(first.code).toBe(0);
    expect(first.stdout).toContain("39 rules restored, 5 revoked");
    expect(await estateMeaning(join(dir, "estate"))).toEqual(original);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("0 rules restored, 0 revoked, 44 already as they were");
  });
});
