import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INCIDENT_FINDINGS,
  INCIDENT_NOW,
  INCIDENT_SOURCES,
} from "../../../../examples/demo/incident-sources.js";
import { filesOf, runCli } from "../support/run-cli.js";
import { INCIDENT_NOW_ISO } from "./diagnose-incident-workspace.js";
import {
  actionsSince,
  callsNotAllowed,
  DEMO_V5_FORMAT,
  LOG_GROUP,
  S3_URL,
  s3Environment,
  startLiveIncident,
  type LiveIncident,
} from "./live-incident.js";
import { runLive } from "./live-estate.js";

interface FindingJson {
  readonly source: string;
  readonly interfaceId: string;
  readonly destination: string;
  readonly port: number;
  readonly nacl: { readonly verdict: string; readonly networkAclId?: string; ruleNumber?: number };
}

interface DiagnoseJson {
  readonly window: { readonly from: string; readonly to: string };
  readonly stats: Record<string, number>;
  readonly findings: FindingJson[];
}

const key = (f: { source: string; interfaceId: string; destination: string; port: number }) =>
  `${f.source} ${f.interfaceId} ${f.destination} ${f.port}`;

const FROM_LOG_GROUP = ["--log-group", LOG_GROUP, "--log-format", DEMO_V5_FORMAT];

/** CLI runs are subprocesses; a busy machine can make a loop of them slow. */
const RUN_TIMEOUT = 180_000;
const SETUP_TIMEOUT = 300_000;

describe("diagnose on the live estate (emulated) after tightening", () => {
  let live: LiveIncident;
  let offline: DiagnoseJson;

  const diagnose = (args: readonly string[], env: Record<string, string> = {}) =>
    runLive(live.ws.dir, live.emulator, ["diagnose", ...args], env);

  beforeAll(async () => {
    live = await startLiveIncident();
    const run = await runCli(
      [
        "diagnose",
        "--flow-logs",
        "incident",
        "--estate",
        "estate",
        "--now",
        INCIDENT_NOW_ISO,
        "--json",
      ],
      { cwd: live.ws.dir },
    );
    if (run.code !== 0) throw new Error(`offline diagnose failed: ${run.stderr}`);
    offline = JSON.parse(run.stdout) as DiagnoseJson;
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await live?.stop();
  });

  it(
    "should find exactly the offline findings in the log group, NACLs read from EC2",
    async () => {
      const first = live.emulator.calls.length;

      const run = await diagnose([...FROM_LOG_GROUP, "--now", INCIDENT_NOW_ISO, "--json"]);

      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as DiagnoseJson;
      expect(report.findings.map(key).sort()).toEqual(INCIDENT_FINDINGS.map(key).sort());
      expect(report.findings).toEqual(offline.findings);
      expect(report.stats).toEqual(offline.stats);
      expect(report.window).toEqual(offline.window);
      const denied = report.findings.filter((f) => f.nacl.verdict === "denies");
      expect(denied.map((f) => [f.source, f.nacl.networkAclId, f.nacl.ruleNumber])).toEqual([
        [INCIDENT_SOURCES.naclDenied, "acl-0a11ce0000000api0", 90],
      ]);
      expect(report.findings.filter((f) => f.nacl.verdict === "unknown")).toEqual([]);
      const actions = actionsSince(live.emulator, first);
      expect(actions).toContain("DescribeNetworkAcls");
      expect(actions).toContain("FilterLogEvents");
      expect(callsNotAllowed(live.emulator, first, "diagnose")).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    "should find exactly the offline findings in the objects delivered to S3",
    async () => {
      const run = await diagnose(
        ["--s3", S3_URL, "--regions", "us-east-1", "--now", INCIDENT_NOW_ISO, "--json"],
        s3Environment(live.s3),
      );

      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as DiagnoseJson;
      expect(report.findings).toEqual(offline.findings);
      expect(report.stats).toEqual(offline.stats);
    },
    RUN_TIMEOUT,
  );

  it(
    "should end a live window at the current time when --now is not given",
    async () => {
      const before = new Date();
      const hours = Math.ceil((before.getTime() / 1000 - (INCIDENT_NOW - 20 * 3600)) / 3600);

      const run = await diagnose([...FROM_LOG_GROUP, "--hours", String(hours), "--json"]);

      const after = new Date();
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as DiagnoseJson;
      const to = Date.parse(report.window.to);
      expect(to).toBeGreaterThanOrEqual(Math.floor(before.getTime() / 1000) * 1000);
      expect(to).toBeLessThanOrEqual(after.getTime());
      expect(report.findings.map(key).sort()).toEqual(INCIDENT_FINDINGS.map(key).sort());
    },
    RUN_TIMEOUT,
  );

  it(
    "should merge live findings into the evidence base, naming the log group",
    async () => {
      cpSync(join(live.ws.dir, "approved.json"), join(live.ws.dir, "live-approved.json"));

      const run = await diagnose([
        ...FROM_LOG_GROUP,
        "--now",
        INCIDENT_NOW_ISO,
        "--approved",
        "live-approved.json",
        "--merge",
      ]);

      expect(run.code).toBe(0);
      const approved = JSON.parse(
        readFileSync(join(live.ws.dir, "live-approved.json"), "utf8"),
      ) as { entries: { provenance: string[] }[]; origins: { kind: string; location: string }[] };
      const merged = approved.entries.filter((e) => e.provenance.includes("diagnose"));
      expect(merged).toHaveLength(INCIDENT_FINDINGS.length - 1);
      const origins = approved.origins.filter((o) => o.kind === "diagnose");
      expect(origins).toHaveLength(1);
      expect(origins[0]!.location).toContain(LOG_GROUP);
    },
    RUN_TIMEOUT,
  );

  it(
    "should exit 3 naming the log group when it does not exist",
    async () => {
      const run = await diagnose(["--log-group", "/vpc/absent", "--now", INCIDENT_NOW_ISO]);

      expect(run.code).toBe(3);
      expect(run.stderr).toContain("log group /vpc/absent");
    },
    RUN_TIMEOUT,
  );

  it.each([
    [["--flow-logs", "incident", "--log-group", LOG_GROUP], "give only one of --flow-logs"],
    [["--log-group", LOG_GROUP, "--estate", "estate"], "leave out --estate DIR"],
    [["--s3", S3_URL, "--estate", "estate"], "leave out --estate DIR"],
    [["--flow-logs", "incident"], "--flow-logs reads exported flow logs"],
    [["--flow-logs", "incident", "--estate", "estate", "--region", "us-east-1"], "--region and"],
    [["--log-group", LOG_GROUP, "--accounts", "111122223333"], "--accounts applies only with"],
    [["--s3", "bucket/prefix"], '"bucket/prefix" is not an S3 URL'],
    [["--estate", "estate"], "give one of --flow-logs, --log-group or --s3"],
  ])(
    "should refuse %j as a usage error, touching nothing",
    async (args, message) => {
      const before = filesOf(live.ws.dir);
      const calls = live.emulator.calls.length;

      const run = await diagnose([...args, "--now", INCIDENT_NOW_ISO]);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`sg-tightener diagnose: `);
      expect(run.stderr).toContain(message);
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(live.emulator.calls.length).toBe(calls);
    },
    RUN_TIMEOUT,
  );
});
