import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLOSED,
  DEV,
  DISABLED_REGION,
  MANAGEMENT,
  MANAGEMENT_CREDENTIALS,
  PROD,
  PROD_EU,
  SUSPENDED,
  organizationOptions,
} from "../../../aws-adapter/test/aws/scan/fixtures/organization.js";
import { runCli, type CliRun } from "../support/run-cli.js";

describe("sg-tightener scan against an emulated Organization", () => {
  let emulator: EmulatorHandle;
  let cwd: string;
  const scan = (...args: string[]): Promise<CliRun> =>
    runCli(["scan", ...args], {
      cwd,
      env: {
        AWS_ENDPOINT_URL: emulator.endpoint,
        AWS_ACCESS_KEY_ID: MANAGEMENT_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: MANAGEMENT_CREDENTIALS.secretAccessKey,
        AWS_SESSION_TOKEN: "",
        AWS_REGION: "us-east-1",
        AWS_PROFILE: "",
        AWS_CONFIG_FILE: join(cwd, "no-config"),
        AWS_SHARED_CREDENTIALS_FILE: join(cwd, "no-credentials"),
      },
    });

  beforeAll(async () => {
    emulator = await startEmulator(organizationOptions());
    cwd = mkdtempSync(join(tmpdir(), "sg-scan-"));
  });
  afterAll(async () => emulator.stop());

  describe("--org --format json", () => {
    let run: CliRun;
    let report: {
      accounts: {
        rank: number;
        accountId: string;
        score: number;
        counts: Record<string, number>;
        findings: { severity: string; source: string; traffic: string; region: string }[];
        networkAcls: { networkAclId: string; labels: { label: string }[] }[];
      }[];
      problems: { accountId: string; kind: string; region?: string }[];
      skipped: { accountId: string; region?: string; reason: string }[];
    };

    beforeAll(async () => {
      run = await scan("--org", "--format", "json");
      report = JSON.parse(run.stdout);
    });

    it("should exit 7 on a CRITICAL finding even with an account it could not scan", () => {
      expect(run.code).toBe(7);
    });

    it("should rank the accounts by score", () => {
      expect(report.accounts.map((a) => [a.rank, a.accountId, a.score])).toEqual([
        [1, PROD, 105],
        [2, PROD_EU, 25],
        [3, MANAGEMENT, 1],
      ]);
    });

    it("should rate each rule by the severity model", () => {
      const rated = report.accounts.flatMap((a) =>
        a.findings.map((f) => `${a.accountId} ${f.region} ${f.severity} ${f.traffic} ${f.source}`),
      );

      expect(rated).toEqual([
        `${PROD} us-east-1 CRITICAL tcp/22 0.0.0.0/0`,
        `${PROD} eu-west-1 MEDIUM tcp/443 10.0.0.0/16`,
        `${PROD_EU} eu-west-1 HIGH tcp/443 0.0.0.0/0`,
        `${MANAGEMENT} us-east-1 LOW tcp/443 10.9.0.0/22`,
      ]);
    });

    it("should label the NACLs beside the groups", () => {
      const eu = report.accounts.find((a) => a.accountId === PROD_EU);

      expect(eu?.networkAcls).toEqual([
        expect.objectContaining({
          networkAclId: "acl-0eu",
          labels: [expect.objectContaining({ label: "allow-all" })],
        }),
      ]);
    });

    it("should report the account whose role was denied, and what it skipped", () => {
      expect(report.problems).toEqual([
        expect.objectContaining({ accountId: DEV, kind: "access-denied" }),
      ]);
      expect(report.skipped.map((s) => `${s.accountId} ${s.region ?? "-"} ${s.reason}`)).toEqual([
        `${PROD} ${DISABLED_REGION} not-opted-in`,
        `${MANAGEMENT} ${DISABLED_REGION} not-opted-in`,
        `${PROD_EU} ${DISABLED_REGION} not-opted-in`,
        `${SUSPENDED} - SUSPENDED`,
        `${CLOSED} - CLOSED`,
      ]);
    });

    it("should show progress on stderr", () => {
      expect(run.stderr).toContain("scan: 4 accounts to scan");
      expect(run.stderr).toMatch(
        /scan: account \d{12} done; \d\/4 accounts, \d Regions done; findings so far: \d CRITICAL/,
      );
      expect(run.stderr).toContain(
        "4/4 accounts, 6 Regions done; findings so far: 1 CRITICAL, 1 HIGH, 1 MEDIUM, 1 LOW",
      );
    });
  });

  it("should print the ranking, top findings, NACLs and problems as a table", async () => {
    const run = await scan("--org");

    expect(run.code).toBe(7);
    expect(run.stdout).toContain(
      "Scanned 3 accounts, 6 Regions: 1 CRITICAL, 1 HIGH, 1 MEDIUM, 1 LOW.",
    );
    expect(run.stdout).toMatch(new RegExp(`1\\s+${PROD}\\s+prod-web\\s+105\\s+1\\s+0\\s+1\\s+0`));
    expect(run.stdout).toMatch(
      new RegExp(
        String.raw`CRITICAL\s+sg-0prodssh \(group-sg-0prodssh\)\s+sgr-\w+\s+tcp/22\s+` +
          String.raw`0\.0\.0\.0/0\s+4,294,967,296\s+no\s+the internet on admin port 22/ssh`,
      ),
    );
    expect(run.stdout).toMatch(/acl-0eu\s+100\s+allow-all/);
    expect(run.stdout).toMatch(
      new RegExp(`Not scanned[\\s\\S]*${DEV}\\s+dev\\s+\\(all\\)\\s+access-denied\\s+AccessDenied`),
    );
  });

  it("should write one CSV row per finding and per labelled NACL entry", async () => {
    const run = await scan("--org", "--format", "csv", "--out", "scan.csv");

    const rows = readFileSync(join(cwd, "scan.csv"), "utf8").trimEnd().split("\r\n");
    expect(run.code).toBe(7);
    expect(run.stdout).toContain("Wrote scan.csv (csv).");
    expect(rows[0]).toMatch(/^kind,rank,account_id,account_name,region,severity,label,resource_id/);
    expect(rows.slice(1).map((row) => row.split(",").slice(0, 6).join(","))).toEqual([
      `rule,1,${PROD},prod-web,us-east-1,CRITICAL`,
      `rule,1,${PROD},prod-web,eu-west-1,MEDIUM`,
      `rule,2,${PROD_EU},prod-eu,eu-west-1,HIGH`,
      `nacl,2,${PROD_EU},prod-eu,eu-west-1,`,
      `rule,3,${MANAGEMENT},management,us-east-1,LOW`,
    ]);
  });

  it("should write a Markdown report for a ticket", async () => {
    const run = await scan("--org", "--format", "markdown");

    expect(run.stdout).toMatch(/^# sg-tightener scan/);
    expect(run.stdout).toContain(`## 1. \`${PROD}\` prod-web (score 105)`);
    expect(run.stdout).toContain("| **CRITICAL** | us-east-1 |");
    expect(run.stdout).toContain("**allow-all**");
    expect(run.stdout).toContain(`- \`${DEV}\` (every Region): access-denied (AccessDenied)`);
  });

  it.each([
    ["an OU whose only account cannot be entered", ["--ou", "ou-dev0-33333333"], 8],
    ["an account with only a HIGH finding", ["--accounts", PROD_EU, "--regions", "eu-west-1"], 0],
    ["the caller's own account", ["--regions", "us-east-1"], 0],
    [
      "a CRITICAL beside a disabled Region",
      ["--accounts", PROD, "--regions", `us-east-1,${DISABLED_REGION}`],
      7,
    ],
    [
      "a disabled Region and nothing CRITICAL",
      ["--accounts", PROD, "--regions", `eu-west-1,${DISABLED_REGION}`],
      8,
    ],
  ])("should exit as documented for %s", async (_case, args, code) => {
    const run = await scan(...args);

    expect(run.code).toBe(code);
  });

  it.each([
    [["--org", "--accounts", PROD], "give --org or --accounts, not both"],
    [["--accounts", "12345"], '--accounts "12345" is not a 12-digit account id'],
    [["--regions", "mars-1"], '--regions "mars-1" is not "all" or a Region name'],
    [["--format", "xml"], '--format "xml" is not one of table, json, csv, markdown'],
    [["--estate", "somewhere", "--org"], "--org scans AWS; it cannot be combined with --estate"],
  ])("should refuse %j with exit 2", async (args, message) => {
    const run = await scan(...args);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
