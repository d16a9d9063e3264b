import type { EmulatorHandle } from "@sg/aws-emulator";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import {
  startDemoEmulator,
  TEST_CREDENTIALS,
} from "../../../aws-adapter/test/aws/support/live-estate.js";
import { estateMeaning } from "../support/estate-meaning.js";
import { demoWorkspace, runCli, type CliRun } from "../support/run-cli.js";

export { startDemoEmulator };

/** The evidence window's end, as the offline loop test uses it. */
export const NOW = "2026-05-28T12:00:00Z";

/**
 * The environment a user's shell would give the CLI against the emulator: its endpoint
 * in AWS_ENDPOINT_URL, fake credentials, us-east-1, and no shared config or instance
 * metadata to fall back on.
 */
export const liveEnvironment = (endpoint: string): Record<string, string> => {
  const absent = join(mkdtempSync(join(tmpdir(), "sg-live-config-")), "absent");
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: absent,
    AWS_SHARED_CREDENTIALS_FILE: absent,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
};

/** Runs the built CLI in `dir` against the emulator, as a user with that environment. */
export const runLive = (
  dir: string,
  emulator: EmulatorHandle | { endpoint: string },
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> =>
  runCli(args, { cwd: dir, env: { ...liveEnvironment(emulator.endpoint), ...env } });

/**
 * A workspace with the demo estate under `estate/`, its flow logs and the evidence base
 * the offline `analyse` writes from them (`approved.json`), as loop.test.ts builds it.
 */
export const analysedWorkspace = async (): Promise<string> => {
  const dir = demoWorkspace();
  generateDemoFlowLogs(join(dir, "logs"));
  const run = await runCli(
    ["analyse", "--flow-logs", "logs", "--now", NOW, "--days", "90", "--out", "approved.json"],
    { cwd: dir },
  );
  if (run.code !== 0) throw new Error(`analyse failed:\n${run.stderr}`);
  return dir;
};

/**
 * What the emulator's estate means, in the offline test's terms: per group, each inbound
 * rule by what it admits and its description (ids left out). The state is exported as
 * the AWS CLI would print it and read back with the offline estate reader.
 */
export const emulatorMeaning = async (
  emulator: EmulatorHandle,
): Promise<Record<string, string[]>> => {
  const dir = mkdtempSync(join(tmpdir(), "sg-live-export-"));
  const estate = emulator.state.exportEstate();
  writeFileSync(join(dir, "security-groups.json"), JSON.stringify(estate.securityGroups));
  writeFileSync(join(dir, "network-interfaces.json"), JSON.stringify(estate.networkInterfaces));
  writeFileSync(join(dir, "security-group-rules.json"), JSON.stringify(estate.securityGroupRules));
  return estateMeaning(dir);
};

/** The JSON of a file in the workspace. */
export const jsonOf = <T>(dir: string, name: string): T =>
  JSON.parse(readFileSync(join(dir, name), "utf8")) as T;
