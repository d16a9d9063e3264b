import type { EmulatorHandle } from "@sg/aws-emulator";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DEMO_V5_FORMAT,
  demoLogEvents,
  type FlowLogObjectSeed,
} from "../../../aws-adapter/test/aws/flow-logs/support/demo-flow-log-objects.js";
import {
  S3RVER_CREDENTIALS,
  startS3Server,
  uploadObjects,
  type S3Server,
} from "../../../aws-adapter/test/aws/flow-logs/support/s3-server.js";
import {
  tightenedIncidentWorkspace,
  type IncidentWorkspace,
} from "./diagnose-incident-workspace.js";
import { emulatorMeaning, startDemoEmulator } from "./live-estate.js";

export { DEMO_V5_FORMAT };

/** The log group the incident's flow log is delivered to in the emulator. */
export const LOG_GROUP = "/vpc/incident-flow-logs";

/** Where the incident's flow log is delivered in S3 (s3rver). */
export const S3_URL = "s3://incident-flow-logs/delivered/";

const BUCKET = "incident-flow-logs";
const PREFIX = "delivered/";

/** The tightened demo estate and the incident's flow logs, live as well as on disk. */
export interface LiveIncident {
  readonly ws: IncidentWorkspace;
  /** Serves the tightened estate (with its network ACLs) and {@link LOG_GROUP}. */
  readonly emulator: EmulatorHandle;
  /** Holds the incident's flow-log objects under {@link S3_URL}. */
  readonly s3: S3Server;
  /** What the emulator's estate means before any live command ran. */
  readonly tight: Record<string, string[]>;
  stop(): Promise<void>;
}

/** Every file under `dir` as an S3 object keyed from `AWSLogs/`, in key order. */
const objectsUnder = (dir: string): FlowLogObjectSeed[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ key: relative(dir, path).split(sep).join("/"), body: readFileSync(path) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));

/**
 * The incident workspace of the offline tests (the demo estate tightened, the incident's
 * flow logs under `incident/`), with the same estate served by the emulator, the same
 * records as events of {@link LOG_GROUP} (in the demo's version 5 format) and the same
 * files as objects under {@link S3_URL}.
 */
export const startLiveIncident = async (): Promise<LiveIncident> => {
  const ws = await tightenedIncidentWorkspace();
  const objects = objectsUnder(join(ws.dir, "incident"));

  const emulator = await startDemoEmulator({
    estateDir: join(ws.dir, "estate"),
    logGroups: { [LOG_GROUP]: demoLogEvents(objects) },
  });
  const s3 = await startS3Server([BUCKET]);
  await uploadObjects(s3.client, BUCKET, PREFIX, objects);
  const tight = await emulatorMeaning(emulator);

  const stop = async (): Promise<void> => {
    await emulator.stop();
    await s3.stop();
    rmSync(ws.dir, { recursive: true, force: true });
  };
  return { ws, emulator, s3, tight, stop };
};

/** The environment that sends S3 calls to s3rver, with credentials it accepts. */
export const s3Environment = (s3: S3Server): Record<string, string> => ({
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
});

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * The calls the emulator received since the `from`-th, as `service:Action`, that the
 * policy in docs/iam/ for `command` does not allow (none, when the policy is right).
 */
export const callsNotAllowed = (
  emulator: EmulatorHandle,
  from: number,
  command: string,
): string[] => {
  const text = readFileSync(join(ROOT, "docs/iam", `${command}.json`), "utf8");
  const policy = JSON.parse(text) as { Statement: { Action: string[] }[] };
  const allowed = new Set(policy.Statement.flatMap((statement) => statement.Action));

  const called = new Set(emulator.calls.slice(from).map((c) => `${c.service}:${c.action}`));
  return [...called].filter((action) => !allowed.has(action));
};

/** The actions the emulator received since the `from`-th. */
export const actionsSince = (emulator: EmulatorHandle, from: number): Set<string> =>
  new Set(emulator.calls.slice(from).map((call) => call.action));
