import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoWorkspace, runCli } from "../support/run-cli.js";

const HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status tcp-flags";
const records = (extra: (index: number) => string): string[] =>
  Array.from(
    { length: 40 },
    (_, index) =>
      `5 111122223333 eni-0a11ce0000000000${index % 3} 10.0.${index % 4}.${index % 7} ` +
      `10.20.0.10 ${40_000 + index} 443 6 3 180 ${1_779_000_000 + index} ` +
      `${1_779_000_050 + index} ACCEPT OK 2${extra(index)}`,
  );

/** Analyses one file, with or without columns this release does not know, and the result. */
const analysed = async (header: string, lines: readonly string[]) => {
  const dir = demoWorkspace();
  mkdirSync(join(dir, "logs"));
  writeFileSync(join(dir, "logs", "x.log"), `${header}\n${lines.join("\n")}\n`);

  const run = await runCli(
    ["analyse", "--flow-logs", "logs", "--now", "2026-05-28T12:00:00Z", "--out", "approved.json"],
    { cwd: dir },
  );
  const { entries } = JSON.parse(readFileSync(join(dir, "approved.json"), "utf8"));
  return { run, entries };
};

describe("analyse on flow logs with fields AWS added after this release", () => {
  it("should read past the new columns and keep the evidence it keeps without them", async () => {
    const plain = await analysed(
      HEADER,
      records(() => ""),
    );
    const widened = await analysed(
      `${HEADER} resource-id next-hop-type`,
      records((index) => ` vpc-0${index} -`),
    );

    expect(widened.run.code).toBe(0);
    expect(widened.run.stdout).not.toContain("Malformed");
    expect(plain.entries.length).toBeGreaterThan(0);
    expect(widened.entries).toEqual(plain.entries);
  });
});
