import type { CallRecord } from "@sg/aws-emulator";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INCIDENT_IP_RANGES } from "../../../../examples/demo/incident-estate.js";
import { INCIDENT_FINDINGS } from "../../../../examples/demo/incident-sources.js";
import {
  startRangesServer,
  unreachableUrl,
  type RangesServer,
} from "../../../aws-adapter/test/aws/ip-ranges/support/ranges-server.js";
import { filesOf } from "../support/run-cli.js";
import { API, DB, WEB, added, cidrsOf, removed } from "../support/rule-changes.js";
import { INCIDENT_NOW_ISO } from "./diagnose-incident-workspace.js";
import { emulatorMeaning, runLive } from "./live-estate.js";
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

const FROM_LOG_GROUP = ["--log-group", LOG_GROUP, "--log-format", DEMO_V5_FORMAT];

const EXTEND_TAG = "sg-tightener:extend";

interface ManifestJson {
  readonly command: string;
  readonly estate: string;
  readonly changes: { action: string; state: string; rule: { ruleId?: string } }[];
  readonly extension: { sources: unknown[] };
}

/** The `group-id` filter values of each `action` call among `calls`, one list per call. */
const groupFilters = (calls: readonly CallRecord[], action: string): string[][] =>
  calls
    .filter((call) => call.action === action)
    .map((call) =>
      Object.entries(call.params)
        .filter(([key]) => key.startsWith("Filter.1.Value."))
        .map(([, value]) => String(value)),
    );

/** The one extend manifest written into `dir`, as a path relative to the workspace. */
const manifestIn = (root: string, dir: string): string => {
  const names = readdirSync(join(root, dir)).filter((n) => n.startsWith("extend-manifest-"));
  expect(names).toHaveLength(1);
  return join(dir, names[0]!);
};

/** CLI runs are subprocesses; a busy machine can make a loop of them slow. */
const RUN_TIMEOUT = 180_000;
const SETUP_TIMEOUT = 300_000;

describe("extend on the live estate (emulated) after tightening", () => {
  let live: LiveIncident;
  let ranges: RangesServer;

  const run = (args: readonly string[], env: Record<string, string> = {}) =>
    runLive(live.ws.dir, live.emulator, args, env);
  const extend = (args: readonly string[], env: Record<string, string> = {}) =>
    run(["extend", "--now", INCIDENT_NOW_ISO, ...args], env);
  const folder = (name: string): string => {
    mkdirSync(join(live.ws.dir, name));
    return name;
  };

  beforeAll(async () => {
    live = await startLiveIncident();
    ranges = await startRangesServer({
      "/ip-ranges.json": { kind: "answer", status: 200, body: JSON.stringify(INCIDENT_IP_RANGES) },
      "/maintenance.json": { kind: "answer", status: 200, body: "<html>back soon</html>" },
      "/other.json": { kind: "answer", status: 200, body: '{"prefixes": "none"}' },
    });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await ranges?.stop();
    await live?.stop();
  });

  it(
    "should discover the groups from the REJECTing interfaces and only add rules",
    async () => {
      const first = live.emulator.calls.length;
      const dir = folder("discover");

      const opened = await extend([
        ...FROM_LOG_GROUP,
        "--region",
        "us-east-1",
        "--manifest-dir",
        dir,
      ]);

      expect(opened.stderr).toBe("");
      expect(opened.code).toBe(0);
      const after = await emulatorMeaning(live.emulator);
      expect(removed(live.tight, after)).toEqual([]);
      const gained = added(live.tight, after);
      expect(Object.keys(gained).sort()).toEqual([API, DB, WEB].sort());
      expect(cidrsOf(gained[WEB])).toEqual(["10.0.40.0/27"]);
      expect(cidrsOf(gained[DB])).toEqual(["10.4.9.4/30"]);
      expect(cidrsOf(gained[API])).toEqual(["172.20.5.8/31"]);
      expect(opened.stdout).toMatch(/192\.168\.7\.7 .*denies it \(rule 90\)/);
      const manifest = manifestIn(live.ws.dir, dir);
      expect(opened.stdout).toContain(
        `To undo: sg-tightener revert --manifest ${manifest} --region us-east-1\n`,
      );
      const actions = actionsSince(live.emulator, first);
      expect(actions).toContain("DescribeNetworkAcls");
      expect(actions).toContain("AuthorizeSecurityGroupIngress");
      expect(actions).not.toContain("RevokeSecurityGroupIngress");
      expect(callsNotAllowed(live.emulator, first, "extend")).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    "should tag every rule it added with the manifest's file name",
    async () => {
      const manifest = manifestIn(live.ws.dir, "discover");
      const recorded = JSON.parse(
        readFileSync(join(live.ws.dir, manifest), "utf8"),
      ) as ManifestJson;

      const authorised = live.emulator.calls.filter(
        (call) => call.action === "AuthorizeSecurityGroupIngress",
      );
      const tagged = live.emulator.state
        .exportSecurityGroupRules()
        .SecurityGroupRules.filter((rule) =>
          (rule.Tags ?? []).some(
            (tag) => tag.Key === EXTEND_TAG && tag.Value === basename(manifest),
          ),
        )
        .map((rule) => rule.SecurityGroupRuleId);

      expect(authorised).toHaveLength(3);
      for (const call of authorised) {
        expect(call.params).toMatchObject({
          "TagSpecification.1.ResourceType": "security-group-rule",
          "TagSpecification.1.Tag.1.Key": EXTEND_TAG,
          "TagSpecification.1.Tag.1.Value": basename(manifest),
        });
      }
      expect(tagged.sort()).toEqual(recorded.changes.map((change) => change.rule.ruleId).sort());
    },
    RUN_TIMEOUT,
  );

  it(
    "should record the live estate in a manifest that revert undoes",
    async () => {
      const manifest = manifestIn(live.ws.dir, "discover");
      const recorded = JSON.parse(
        readFileSync(join(live.ws.dir, manifest), "utf8"),
      ) as ManifestJson;

      const reverted = await run(["revert", "--manifest", manifest, "--region", "us-east-1"]);

      expect(recorded.command).toBe("extend");
      expect(recorded.estate).toContain("live EC2 estate in us-east-1");
      expect(recorded.changes.every((c) => c.action === "authorise" && c.state === "done")).toBe(
        true,
      );
      expect(recorded.extension.sources).toHaveLength(INCIDENT_FINDINGS.length - 1);
      expect(reverted.code).toBe(0);
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it(
    "should read and change only the groups named with --groups, reading S3",
    async () => {
      const dir = folder("scoped");
      const first = live.emulator.calls.length;

      const opened = await extend(
        ["--s3", S3_URL, "--groups", DB, "--manifest-dir", dir],
        s3Environment(live.s3),
      );
      const reads = live.emulator.calls.slice(first);
      const gained = added(live.tight, await emulatorMeaning(live.emulator));
      const reverted = await run(["revert", "--manifest", manifestIn(live.ws.dir, dir)]);

      expect(opened.stderr).toBe("");
      expect(opened.code).toBe(0);
      expect(Object.keys(gained)).toEqual([DB]);
      expect(cidrsOf(gained[DB])).toEqual(["10.4.9.4/30"]);
      expect(groupFilters(reads, "DescribeSecurityGroups")).toEqual([[DB]]);
      expect(groupFilters(reads, "DescribeSecurityGroupRules")).toEqual([[DB]]);
      expect(groupFilters(reads, "DescribeNetworkInterfaces")).toEqual([[DB], [WEB]]);
      expect(reverted.code).toBe(0);
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it(
    "should refuse past --max-groups with exit 11, writing nothing",
    async () => {
      const before = filesOf(live.ws.dir);
      const first = live.emulator.calls.length;

      const refused = await extend([...FROM_LOG_GROUP, "--max-groups", "2"]);

      expect(refused.code).toBe(11);
      expect(refused.stderr).toContain("would change 3 groups, more than --max-groups 2");
      for (const group of [WEB, DB, API]) expect(refused.stderr).toContain(group);
      expect(refused.stderr).toContain("tcp/443 from 10.0.40.0/27");
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(actionsSince(live.emulator, first)).not.toContain("AuthorizeSecurityGroupIngress");
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it(
    "should refuse a --groups id the live estate does not have, writing nothing",
    async () => {
      const before = filesOf(live.ws.dir);

      const refused = await extend([...FROM_LOG_GROUP, "--groups", "sg-0typo"]);

      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain("--groups names sg-0typo, not a group of live EC2 estate");
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it.each([
    [["--flow-logs", "incident", "--log-group", LOG_GROUP], "give only one of --flow-logs"],
    [["--log-group", LOG_GROUP, "--estate", "estate"], "leave out --estate DIR"],
    [["--s3", S3_URL, "--estate", "estate"], "leave out --estate DIR"],
    [["--flow-logs", "incident"], "--flow-logs reads exported flow logs"],
    [
      ["--flow-logs", "incident", "--estate", "estate", "--include-public"],
      "--include-public needs --ip-ranges FILE offline",
    ],
    [["--s3", S3_URL, "--log-format", "version srcaddr"], "--log-format applies only with"],
  ])(
    "should refuse %j as a usage error, touching nothing",
    async (args, message) => {
      const before = filesOf(live.ws.dir);
      const calls = live.emulator.calls.length;

      const refused = await extend(args);

      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("sg-tightener extend: ");
      expect(refused.stderr).toContain(message);
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(live.emulator.calls.length).toBe(calls);
    },
    RUN_TIMEOUT,
  );

  it(
    "should show what it would authorise with --dry-run and write nothing",
    async () => {
      const before = filesOf(live.ws.dir);
      const first = live.emulator.calls.length;

      const dry = await extend([...FROM_LOG_GROUP, "--dry-run"]);

      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/sg-0a11ce0000000web1\s+tcp\/443\s+10\.0\.40\.0\/27/);
      expect(dry.stdout).toContain("Dry run: nothing was written.");
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(actionsSince(live.emulator, first)).not.toContain("AuthorizeSecurityGroupIngress");
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it(
    "should admit public sources against ranges downloaded from --ip-ranges URL",
    async () => {
      const dir = folder("public");
      const asked = ranges.requests.length;

      const opened = await extend([
        ...FROM_LOG_GROUP,
        "--include-public",
        "--ip-ranges",
        ranges.url("/ip-ranges.json"),
        "--manifest-dir",
        dir,
      ]);
      const gained = added(live.tight, await emulatorMeaning(live.emulator));
      const reverted = await run(["revert", "--manifest", manifestIn(live.ws.dir, dir)]);

      expect(opened.stderr).toBe("");
      expect(opened.code).toBe(0);
      expect(ranges.requests.slice(asked)).toEqual(["GET /ip-ranges.json"]);
      expect(cidrsOf(gained[WEB])).toEqual(
        ["10.0.40.0/27", "198.51.100.7/32", "3.85.10.10/32", "54.243.31.192/26"].sort(),
      );
      expect(gained[WEB]!.find((rule) => rule.includes("54.243.31.192/26"))).toContain(
        "AWS ROUTE53_HEALTHCHECKS us-east-1",
      );
      expect(reverted.code).toBe(0);
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it.each([
    ["/missing.json", "the server answered HTTP 404 Not Found"],
    ["/maintenance.json", "did not return JSON: "],
    ["/other.json", "is not AWS's ip-ranges.json"],
  ])(
    "should stop with exit 3 when --ip-ranges URL %s is unusable, writing nothing",
    async (path, message) => {
      const before = filesOf(live.ws.dir);
      const calls = live.emulator.calls.length;
      const url = ranges.url(path);

      const refused = await extend([...FROM_LOG_GROUP, "--include-public", "--ip-ranges", url]);

      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain(url);
      expect(refused.stderr).toContain(message);
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(live.emulator.calls.length).toBe(calls);
      expect(await emulatorMeaning(live.emulator)).toEqual(live.tight);
    },
    RUN_TIMEOUT,
  );

  it(
    "should stop with exit 3 naming an --ip-ranges URL it cannot reach, writing nothing",
    async () => {
      const before = filesOf(live.ws.dir);
      const calls = live.emulator.calls.length;
      const url = await unreachableUrl("/ip-ranges.json");

      const refused = await extend([...FROM_LOG_GROUP, "--include-public", "--ip-ranges", url]);

      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain(`Could not download ${url}: `);
      expect(refused.stderr).toContain("ECONNREFUSED");
      expect(refused.stderr).toContain("nothing was written");
      expect(filesOf(live.ws.dir)).toEqual(before);
      expect(live.emulator.calls.length).toBe(calls);
    },
    RUN_TIMEOUT,
  );

  it(
    "should refuse an --ip-ranges URL offline without downloading it",
    async () => {
      const before = filesOf(live.ws.dir);
      const asked = ranges.requests.length;

      const refused = await extend([
        "--flow-logs",
        "incident",
        "--estate",
        "estate",
        "--include-public",
        "--ip-ranges",
        ranges.url("/ip-ranges.json"),
      ]);

      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("where nothing is downloaded");
      expect(ranges.requests).toHaveLength(asked);
      expect(filesOf(live.ws.dir)).toEqual(before);
    },
    RUN_TIMEOUT,
  );
});
