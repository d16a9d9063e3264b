import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { INCIDENT_FINDINGS, INCIDENT_SOURCES } from "../../../../examples/demo/incident-sources.js";
import { readArtefact, writeArtefact } from "../../src/artefacts/artefact-file.js";
import { EVIDENCE_BASE, evidenceBaseCodec } from "../../src/artefacts/evidence-base.js";
import { MANIFEST, manifestCodec } from "../../src/artefacts/manifest.js";
import { foldExtendManifests } from "../../src/evidence/fold-extend-manifests.js";
import { estateMeaning } from "../support/estate-meaning.js";
import { filesOf, runCli } from "../support/run-cli.js";
import { API, DB, WEB, added, cidrsOf, removed } from "../support/rule-changes.js";
import {
  INCIDENT_NOW_ISO,
  stillBlocked,
  tightenedIncidentWorkspace,
  type IncidentWorkspace,
} from "./diagnose-incident-workspace.js";

const NEWEST_MANIFEST = (dir: string): string =>
  readdirSync(dir)
    .filter((name) => name.startsWith("extend-manifest-"))
    .sort()
    .pop()!;

/** CLI runs are subprocesses; a busy machine can make a loop of them slow. */
const RUN_TIMEOUT = 180_000;
const SETUP_TIMEOUT = 300_000;

describe("extend on the incident after tightening", () => {
  let ws: IncidentWorkspace;
  let tight: Record<string, string[]>;

  /** A fresh copy of the tightened estate, so each case starts from the same state. */
  const copyEstate = (name: string): string => {
    cpSync(join(ws.dir, "estate"), join(ws.dir, name), { recursive: true });
    return name;
  };
  const extend = (estate: string, ...args: string[]) =>
    runCli(
      ["extend", "--flow-logs", "incident", "--estate", estate, "--now", INCIDENT_NOW_ISO, ...args],
      { cwd: ws.dir },
    );

  beforeAll(async () => {
    ws = await tightenedIncidentWorkspace();
    tight = await estateMeaning(join(ws.dir, "estate"));
  }, SETUP_TIMEOUT);

  it(
    "should discover the groups from the REJECTing interfaces and only add rules",
    async () => {
      const estate = copyEstate("discover");

      const run = await extend(estate, "--manifest-dir", estate);

      expect(run.code).toBe(0);
      const after = await estateMeaning(join(ws.dir, estate));
      expect(removed(tight, after)).toEqual([]);
      const gained = added(tight, after);
      expect(Object.keys(gained).sort()).toEqual([API, DB, WEB].sort());
      expect(cidrsOf(gained[WEB])).toEqual(["10.0.40.0/27"]);
      expect(cidrsOf(gained[DB])).toEqual(["10.4.9.4/30"]);
      expect(cidrsOf(gained[API])).toEqual(["172.20.5.8/31"]);
      expect(await stillBlocked(join(ws.dir, estate), INCIDENT_FINDINGS)).toEqual([
        INCIDENT_SOURCES.naclDenied,
      ]);
      expect(run.stdout).toMatch(/192\.168\.7\.7 .*denies it \(rule 90\)/);
    },
    RUN_TIMEOUT,
  );

  it(
    "should record the admitted sources in a manifest that revert undoes",
    async () => {
      const estate = "discover";
      const manifestPath = join(estate, NEWEST_MANIFEST(join(ws.dir, estate)));
      const manifest = JSON.parse(readFileSync(join(ws.dir, manifestPath), "utf8"));

      const run = await runCli(["revert", "--manifest", manifestPath, "--estate", estate], {
        cwd: ws.dir,
      });

      expect(manifest.command).toBe("extend");
      expect(manifest.changes.every((c: { action: string }) => c.action === "authorise")).toBe(
        true,
      );
      expect(manifest.extension.sources).toHaveLength(INCIDENT_FINDINGS.length - 1);
      expect(run.code).toBe(0);
      expect(await estateMeaning(join(ws.dir, estate))).toEqual(tight);
    },
    RUN_TIMEOUT,
  );

  it(
    "should change only the groups named with --groups",
    async () => {
      const estate = copyEstate("scoped");

      const run = await extend(estate, "--groups", DB, "--manifest-dir", estate);

      expect(run.code).toBe(0);
      const gained = added(tight, await estateMeaning(join(ws.dir, estate)));
      expect(Object.keys(gained)).toEqual([DB]);
      expect(cidrsOf(gained[DB])).toEqual(["10.4.9.4/30"]);
    },
    RUN_TIMEOUT,
  );

  it(
    "should refuse past --max-groups, list what it would touch and write nothing",
    async () => {
      const before = filesOf(ws.dir);

      const run = await extend("estate", "--max-groups", "2");

      expect(run.code).toBe(11);
      expect(run.stderr).toContain("would change 3 groups, more than --max-groups 2");
      for (const group of [WEB, DB, API]) expect(run.stderr).toContain(group);
      expect(run.stderr).toContain("tcp/443 from 10.0.40.0/27");
      expect(filesOf(ws.dir)).toEqual(before);
    },
    RUN_TIMEOUT,
  );

  it(
    "should refuse a --groups id the estate does not have, writing nothing",
    async () => {
      const before = filesOf(ws.dir);

      const run = await extend("estate", "--groups", "sg-0typo");

      expect(run.code).toBe(3);
      expect(run.stderr).toContain("--groups names sg-0typo, not a group of");
      expect(filesOf(ws.dir)).toEqual(before);
    },
    RUN_TIMEOUT,
  );

  it(
    "should admit AWS service sources as their prefix and never AMAZON-only space",
    async () => {
      const estate = copyEstate("public");

      const run = await extend(
        estate,
        "--include-public",
        "--ip-ranges",
        "ip-ranges.json",
        "--manifest-dir",
        estate,
      );

      expect(run.code).toBe(0);
      const gained = added(tight, await estateMeaning(join(ws.dir, estate)));
      expect(cidrsOf(gained[WEB])).toEqual(
        ["10.0.40.0/27", "198.51.100.7/32", "3.85.10.10/32", "54.243.31.192/26"].sort(),
      );
      const service = gained[WEB]!.find((rule) => rule.includes("54.243.31.192/26"))!;
      expect(service).toContain("AWS ROUTE53_HEALTHCHECKS us-east-1");
      for (const source of INCIDENT_SOURCES.amazonOnly) {
        expect(run.stdout).toMatch(
          new RegExp(`${source.replace(/\./g, "\\.")} .*only under AMAZON`),
        );
      }
      expect(JSON.stringify(gained)).not.toMatch(/54\.243\.0\.0\/16|52\.94\.0\.0\/22/);
    },
    RUN_TIMEOUT,
  );

  it(
    "should admit each public source as a /32 with --no-aws-summarise",
    async () => {
      const estate = copyEstate("per-address");

      const run = await extend(
        estate,
        "--include-public",
        "--ip-ranges",
        "ip-ranges.json",
        "--no-aws-summarise",
        "--manifest-dir",
        estate,
      );

      expect(run.code).toBe(0);
      const gained = added(tight, await estateMeaning(join(ws.dir, estate)));
      const publicRules = cidrsOf(gained[WEB]).filter((cidr) => !cidr!.startsWith("10."));
      expect(publicRules).toEqual(
        [...INCIDENT_SOURCES.healthCheckers, INCIDENT_SOURCES.ec2, INCIDENT_SOURCES.outsideAws]
          .map((a) => `${a}/32`)
          .sort(),
      );
    },
    RUN_TIMEOUT,
  );

  it(
    "should keep what it opened through the next plan once the manifest is folded",
    async () => {
      const estate = copyEstate("cycle");
      const cwd = { cwd: ws.dir };
      const opened = await extend(estate, "--tolerance", "0.95", "--manifest-dir", estate);
      const manifestPath = join(ws.dir, estate, NEWEST_MANIFEST(join(ws.dir, estate)));
      await runCli(
        [
          "analyse",
          "--flow-logs",
          "logs",
          "--flow-logs",
          "recovery",
          "--now",
          "2026-06-03T05:00:00Z",
          "--days",
          "100",
          "--out",
          "cycle.json",
        ],
        cwd,
      );
      const base = await readArtefact(join(ws.dir, "cycle.json"), EVIDENCE_BASE, evidenceBaseCodec);
      const manifest = await readArtefact(manifestPath, MANIFEST, manifestCodec);
      const folded = foldExtendManifests(base, [{ path: manifestPath, manifest }]);
      await writeArtefact(join(ws.dir, "folded.json"), evidenceBaseCodec.encode(folded));
      cpSync(join(ws.dir, estate), join(ws.dir, "unfolded"), { recursive: true });

      const plans = await Promise.all(
        [
          ["cycle.json", "unfolded"],
          ["folded.json", estate],
        ].map(([approved, dir]) =>
          runCli(
            ["plan", "--approved", approved!, "--estate", dir!, "--out", `${dir}.plan.json`],
            cwd,
          ),
        ),
      );
      const applies = await Promise.all(
        ["unfolded", estate].map((dir) =>
          runCli(
            ["apply", "--plan", `${dir}.plan.json`, "--estate", dir, "--manifest-dir", dir],
            cwd,
          ),
        ),
      );

      expect([opened.code, ...plans.map((p) => p.code), ...applies.map((a) => a.code)]).toEqual([
        0, 0, 0, 0, 0,
      ]);
      expect(opened.stdout).toContain("10.0.40.0/23");
      expect(plans[1]!.stdout).toMatch(/10\.0\.40\.0\/23\s+\S+/);
      const extended = INCIDENT_FINDINGS.filter((f) => f.source !== INCIDENT_SOURCES.naclDenied);
      expect(await stillBlocked(join(ws.dir, estate), extended)).toEqual([]);
      const lost = await stillBlocked(join(ws.dir, "unfolded"), extended);
      expect(lost.length).toBeGreaterThan(0);
      expect(lost.every((source) => !INCIDENT_SOURCES.reconnected.includes(source as never))).toBe(
        true,
      );
    },
    RUN_TIMEOUT,
  );
});
