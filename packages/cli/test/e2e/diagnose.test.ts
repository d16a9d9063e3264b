import { readFileSync, rmSync, cpSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { INCIDENT_FINDINGS, INCIDENT_SOURCES } from "../../../../examples/demo/incident-sources.js";
import { estateMeaning } from "../support/estate-meaning.js";
import { filesOf, runCli } from "../support/run-cli.js";
import {
  INCIDENT_NOW_ISO,
  stillBlocked,
  tightenedIncidentWorkspace,
  type IncidentWorkspace,
} from "./diagnose-incident-workspace.js";

interface FindingJson {
  readonly source: string;
  readonly interfaceId: string;
  readonly destination: string;
  readonly port: number;
  readonly nacl: { readonly verdict: string };
}

const key = (f: { source: string; interfaceId: string; destination: string; port: number }) =>
  `${f.source} ${f.interfaceId} ${f.destination} ${f.port}`;

const NOT_FINDINGS = [
  ...INCIDENT_SOURCES.admitted,
  ...INCIDENT_SOURCES.healthCheckers,
  ...INCIDENT_SOURCES.amazonOnly,
  INCIDENT_SOURCES.ec2,
  INCIDENT_SOURCES.outsideAws,
  ...INCIDENT_SOURCES.replyLegs,
  ...INCIDENT_SOURCES.latePackets,
  INCIDENT_SOURCES.egressOnly,
  INCIDENT_SOURCES.beforeWindow,
];

/** CLI runs are subprocesses; a busy machine can make a loop of them slow. */
const RUN_TIMEOUT = 180_000;
const SETUP_TIMEOUT = 300_000;

describe("diagnose on the incident after tightening", () => {
  let ws: IncidentWorkspace;
  const diagnose = (...args: string[]) =>
    runCli(["diagnose", "--flow-logs", "incident", "--estate", "estate", ...args], {
      cwd: ws.dir,
    });

  beforeAll(async () => {
    ws = await tightenedIncidentWorkspace();
  }, SETUP_TIMEOUT);

  it(
    "should list exactly the uncovered private REJECTs as a table",
    async () => {
      const run = await diagnose("--now", INCIDENT_NOW_ISO);

      expect(run.code).toBe(0);
      const rows = run.stdout.split("\n").filter((line) => /^\d+\.\d+\.\d+\.\d+\s/.test(line));
      expect(rows.map((row) => row.split(/\s+/)[0]).sort()).toEqual(
        INCIDENT_FINDINGS.map((f) => f.source).sort(),
      );
      for (const source of NOT_FINDINGS) expect(run.stdout).not.toContain(`${source} `);
      expect(rows.find((row) => row.startsWith("192.168.7.7"))).toMatch(/DENIES \(acl-\S+ #90\)/);
      expect(rows.find((row) => row.startsWith("10.4.9.5"))).toMatch(/tcp\/5432\s+3\s/);
      expect(run.stdout).toContain("34 private sources no current rule admits");
    },
    RUN_TIMEOUT,
  );

  it(
    "should print the same findings as JSON, labelled by the subnet's NACL",
    async () => {
      const run = await diagnose("--now", INCIDENT_NOW_ISO, "--json");

      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { findings: FindingJson[] };
      expect(report.findings.map(key).sort()).toEqual(INCIDENT_FINDINGS.map(key).sort());
      const denied = report.findings
        .filter((f) => f.nacl.verdict === "denies")
        .map((f) => f.source);
      expect(denied).toEqual([INCIDENT_SOURCES.naclDenied]);
      expect(report.findings.filter((f) => f.nacl.verdict === "unknown")).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    "should end the window at the newest record when --now is not given",
    async () => {
      const run = await diagnose("--json");

      const report = JSON.parse(run.stdout) as { window: { to: string }; findings: FindingJson[] };
      expect(report.window.to).toBe(INCIDENT_NOW_ISO);
      expect(report.findings.map(key).sort()).toEqual(INCIDENT_FINDINGS.map(key).sort());
    },
    RUN_TIMEOUT,
  );

  it(
    "should label every finding unknown without network-acls.json",
    async () => {
      cpSync(join(ws.dir, "estate"), join(ws.dir, "no-nacls"), { recursive: true });
      rmSync(join(ws.dir, "no-nacls", "network-acls.json"));

      const run = await runCli(
        [
          "diagnose",
          "--flow-logs",
          "incident",
          "--estate",
          "no-nacls",
          "--now",
          INCIDENT_NOW_ISO,
          "--json",
        ],
        { cwd: ws.dir },
      );

      const report = JSON.parse(run.stdout) as { findings: FindingJson[] };
      expect(report.findings).toHaveLength(INCIDENT_FINDINGS.length);
      expect(report.findings.every((f) => f.nacl.verdict === "unknown")).toBe(true);
    },
    RUN_TIMEOUT,
  );

  it(
    "should report only the never-admitted sources on the estate before tightening",
    async () => {
      const run = await runCli(
        [
          "diagnose",
          "--flow-logs",
          "incident",
          "--estate",
          "original-estate",
          "--now",
          INCIDENT_NOW_ISO,
          "--json",
        ],
        { cwd: ws.dir },
      );

      const report = JSON.parse(run.stdout) as { findings: FindingJson[] };
      expect(report.findings.map((f) => f.source).sort()).toEqual(
        [INCIDENT_SOURCES.partner, INCIDENT_SOURCES.naclDenied].sort(),
      );
    },
    RUN_TIMEOUT,
  );

  it(
    "should refuse --merge without --approved, writing nothing",
    async () => {
      const before = filesOf(ws.dir);

      const run = await diagnose("--merge");

      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--merge needs --approved");
      expect(filesOf(ws.dir)).toEqual(before);
    },
    RUN_TIMEOUT,
  );

  it(
    "should merge the findings so that revert, plan and apply admit them",
    async () => {
      const merge = await diagnose(
        "--now",
        INCIDENT_NOW_ISO,
        "--approved",
        "approved.json",
        "--merge",
      );
      const again = await diagnose(
        "--now",
        INCIDENT_NOW_ISO,
        "--approved",
        "approved.json",
        "--merge",
      );
      const revert = await runCli(["revert", "--manifest", ws.tightening, "--estate", "estate"], {
        cwd: ws.dir,
      });
      const plan = await runCli(
        ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "again.json"],
        { cwd: ws.dir },
      );
      const apply = await runCli(["apply", "--plan", "again.json", "--estate", "estate"], {
        cwd: ws.dir,
      });

      expect([merge.code, again.code, revert.code, plan.code, apply.code]).toEqual([0, 0, 0, 0, 0]);
      expect(again.stdout).toContain("already holds the findings of this window");
      const approved = JSON.parse(readFileSync(join(ws.dir, "approved.json"), "utf8"));
      const merged = approved.entries.filter((e: { provenance: string[] }) =>
        e.provenance.includes("diagnose"),
      );
      expect(merged).toHaveLength(INCIDENT_FINDINGS.length - 1);
      expect(approved.origins.filter((o: { kind: string }) => o.kind === "diagnose")).toHaveLength(
        1,
      );
      const insideReplacedRules = INCIDENT_FINDINGS.filter((f) => /^10\.(0|4)\./.test(f.source));
      expect(await stillBlocked(join(ws.dir, "estate"), insideReplacedRules)).toEqual([]);
      expect(await stillBlocked(join(ws.dir, "estate"), INCIDENT_FINDINGS)).toEqual([
        INCIDENT_SOURCES.partner,
        INCIDENT_SOURCES.naclDenied,
      ]);
      const after = await estateMeaning(join(ws.dir, "estate"));
      expect(after["sg-0a11ce0000000web1"]!.some((r) => r.includes("|10.0.0.0/16|"))).toBe(false);
      expect(after).not.toEqual(ws.original);
    },
    RUN_TIMEOUT,
  );
});
