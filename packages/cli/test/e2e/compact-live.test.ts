import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsEstate } from "@sg/aws-adapter";
import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { ruleKey } from "@sg/core";
import { runCli, type CliRun } from "../support/run-cli.js";
import { BUSY, FULL, compactWorkspace } from "./compact-estate.js";

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "compact-test-secret" };

let dir: string;
let emulator: EmulatorHandle;

/** Runs the built CLI against the emulator as the live account, in Region us-east-1. */
const live = (args: readonly string[]): Promise<CliRun> =>
  runCli(args, {
    cwd: dir,
    env: {
      AWS_ENDPOINT_URL: emulator.endpoint,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_REGION: "us-east-1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  });

/** Every inbound rule of the live estate by what it admits and its description. */
const liveMeaning = async (): Promise<Record<string, string[]>> => {
  const estate = new AwsEstate({
    endpoint: emulator.endpoint,
    region: "us-east-1",
    credentials: CREDENTIALS,
  });
  const inventory = await estate.read();
  return Object.fromEntries(
    inventory.groups.map((group) => [
      group.groupId,
      group.rules.map((rule) => `${ruleKey(rule)}|${rule.description ?? ""}`).sort(),
    ]),
  );
};

/**
 * The emulator enforces a quota of 57 on the busy group, which holds 57 rules: the apply
 * only succeeds if the redundant rule goes first and no merge ever adds a rule before the
 * group has room for it.
 */
describe("compact against the live API (the EC2 emulator)", () => {
  let original: Record<string, string[]>;

  beforeAll(async () => {
    dir = await compactWorkspace();
    emulator = await startEmulator({
      estateDir: join(dir, "estate"),
      serviceQuotas: { "vpc/L-0EA8095F": 60 },
      quotaByGroup: { [BUSY]: 57 },
    });
    original = await liveMeaning();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it("should rank and sweep the live groups with the quota Service Quotas reports", async () => {
    const run = await live(["compact", "plan", "--top", "2"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sg-0a11ce00000full6 \(full-tier\)\s+60\s+60\s+100\.00%\s+60/);
    expect(run.stdout).toMatch(/0\.3\s+57 → 23\s+34\s+196\s+5/);
  });

  it("should apply without ever holding more rules than before, and revert exactly", async () => {
    const plan = await live(["compact", "plan", "--ratio", "0.3", "--out", "live-plan.json"]);
    const apply = await live([
      "compact",
      "apply",
      "--plan",
      "live-plan.json",
      "--manifest-dir",
      ".",
    ]);
    const compacted = await liveMeaning();
    const manifest = /Manifest: (\S+)/.exec(apply.stdout)![1]!;
    const revert = await live(["compact", "revert", "--manifest", manifest]);

    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`REFUSED: ${FULL} uses 60 of its 60 inbound rules`);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("5 blocks authorised, 39 rules revoked, 34 rules reclaimed");
    expect(apply.stdout).toContain(`To undo: sg-tightener compact revert --manifest ${manifest}`);
    expect(compacted[BUSY]).toHaveLength(23);
    expect(compacted[FULL]).toEqual(original[FULL]);
    expect(revert.code).toBe(0);
    expect(await liveMeaning()).toEqual(original);
  });
});
