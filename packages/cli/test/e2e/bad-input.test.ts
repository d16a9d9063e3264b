import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { plannedWorkspace } from "../support/demo-plan.js";
import { demoWorkspace, filesOf, runCli } from "../support/run-cli.js";

const HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status";
const RECORD =
  "2 111122223333 eni-0a11ce00000000001 10.0.10.1 10.20.0.10 40000 443 6 3 180 " +
  "1779000000 1779000050 ACCEPT OK";
const ANALYSE = [
  "analyse",
  "--flow-logs",
  "logs",
  "--now",
  "2026-05-28T12:00:00Z",
  "--out",
  "approved.json",
];

/** A workspace whose logs/ folder holds one file with the given bytes. */
const logsWith = (name: string, bytes: Buffer | string): string => {
  const dir = demoWorkspace();
  mkdirSync(join(dir, "logs"));
  writeFileSync(join(dir, "logs", name), bytes);
  return dir;
};

describe("analyse on bad flow-log files", () => {
  it.each([
    [
      "a truncated gzip file",
      "cut.log.gz",
      gzipSync(`${HEADER}\n${RECORD}\n`.repeat(50)).subarray(0, 60),
      "cut.log.gz",
    ],
    [
      "a corrupt gzip file",
      "bad.log.gz",
      Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      "bad.log.gz",
    ],
    [
      "a header that misspells a field the tool needs",
      "x.log",
      `${HEADER.replace("srcaddr", "srcadr")}\n${RECORD}\n`,
      'lacks the fields the tool needs: srcaddr (it names unknown fields "srcadr")',
    ],
  ])("should reject %s with exit 3 and write nothing", async (_, name, bytes, mention) => {
    const dir = logsWith(name, bytes);
    const before = filesOf(dir);

    const run = await runCli(ANALYSE, { cwd: dir });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain(mention);
    expect(filesOf(dir)).toEqual(before);
  });

  it("should count a malformed line, name it, and go on", async () => {
    const dir = logsWith(
      "x.log",
      `${HEADER}\n${RECORD}\n2 111122223333 eni-1 10.0.0.1\n${RECORD}\n`,
    );

    const run = await runCli(ANALYSE, { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Malformed lines: 1");
    expect(run.stdout).toContain("x.log:3: has 4 fields, the layout names 14");
  });
});

describe("plan and apply on bad artefacts and estates", () => {
  it.each<[string, (dir: string) => void, string[], number, string]>([
    [
      "an evidence base of a later version",
      (dir) => {
        const doc = JSON.parse(readFileSync(join(dir, "approved.json"), "utf8"));
        writeFileSync(join(dir, "approved.json"), JSON.stringify({ ...doc, version: 2 }));
      },
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "new-plan.json"],
      3,
      "approved.json is sg-tightener/approved version 2; this sg-tightener reads version 1",
    ],
    [
      "a plan passed as the evidence base",
      () => undefined,
      ["plan", "--approved", "plan.json", "--estate", "estate", "--out", "new-plan.json"],
      3,
      "plan.json is a sg-tightener/plan artefact, expected sg-tightener/approved for " +
        "--approved (pass it to --plan)",
    ],
    [
      "a truncated evidence base",
      (dir) =>
        writeFileSync(
          join(dir, "approved.json"),
          readFileSync(join(dir, "approved.json"), "utf8").slice(0, 300),
        ),
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "new-plan.json"],
      3,
      "approved.json line",
    ],
    [
      "an evidence entry with a bad address",
      (dir) => {
        const doc = JSON.parse(readFileSync(join(dir, "approved.json"), "utf8"));
        doc.entries[3].source = "10.0.10.300";
        writeFileSync(join(dir, "approved.json"), JSON.stringify(doc));
      },
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "new-plan.json"],
      3,
      'approved.json: entries[3].source: expected IPv4 address, got "10.0.10.300"',
    ],
    [
      "a missing estate file",
      (dir) => rmSync(join(dir, "estate/network-interfaces.json")),
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "new-plan.json"],
      3,
      "aws ec2 describe-network-interfaces",
    ],
    [
      "a plan built for another estate",
      (dir) => {
        const doc = JSON.parse(readFileSync(join(dir, "estate/security-groups.json"), "utf8"));
        for (const group of doc.SecurityGroups)
          group.GroupId = group.GroupId.replace("0a11ce", "0b0b0b");
        writeFileSync(join(dir, "estate/security-groups.json"), JSON.stringify(doc));
        rmSync(join(dir, "estate/security-group-rules.json"));
      },
      ["apply", "--plan", "plan.json", "--estate", "estate"],
      4,
      "sg-0a11ce0000000web1: the group no longer exists",
    ],
    [
      "an edited plan",
      (dir) => {
        const doc = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
        doc.snapshot.groups[0].rules.pop();
        writeFileSync(join(dir, "plan.json"), JSON.stringify(doc));
      },
      ["apply", "--plan", "plan.json", "--estate", "estate"],
      3,
      "plan.json was edited after it was built",
    ],
    [
      "an unknown flag",
      () => undefined,
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "p.json", "--bogus"],
      2,
      "Unknown option '--bogus'",
    ],
    [
      "a missing --out",
      () => undefined,
      ["plan", "--approved", "approved.json", "--estate", "estate"],
      2,
      "--out is required",
    ],
  ])("should refuse %s and write nothing", async (_, spoil, args, code, message) => {
    const dir = await plannedWorkspace();
    spoil(dir);
    const before = filesOf(dir);

    const run = await runCli(args, { cwd: dir });

    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(filesOf(dir)).toEqual(before);
  });
});
