import { AwsEstate } from "@sg/aws-adapter";
import type { EmulatorHandle } from "@sg/aws-emulator";
import { parseCidr, TCP, type Rule } from "@sg/core";
import { readdirSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TEST_CREDENTIALS } from "../../../aws-adapter/test/aws/support/live-estate.js";
import { filesOf, runCli } from "../support/run-cli.js";
import { analysedWorkspace, emulatorMeaning, runLive, startDemoEmulator } from "./live-estate.js";

const WEB = "sg-0a11ce0000000web1";

const tcp443 = (groupId: string, text: string): Rule => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(text);
  return {
    groupId,
    protocol: TCP,
    ports: { from: 443, to: 443 },
    source: { kind: "cidr", cidr: parsed.value },
  };
};

let dir: string;
let emulator: EmulatorHandle | undefined;

/** A demo emulator with `plan.json` built against it in the shared workspace. */
const plannedEmulator = async (deniedActions: string[] = []): Promise<EmulatorHandle> => {
  emulator = await startDemoEmulator({ deniedActions });
  const plan = await runLive(dir, emulator, [
    "plan",
    "--approved",
    "approved.json",
    "--out",
    "plan.json",
  ]);
  if (plan.code !== 0) throw new Error(plan.stderr);
  return emulator;
};

const manifests = (): string[] => readdirSync(dir).filter((name) => name.startsWith("manifest-"));

beforeAll(async () => {
  dir = await analysedWorkspace();
});

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe("live apply refusals", () => {
  it("should refuse a plan whose groups changed since it was built, writing nothing", async () => {
    const live = await plannedEmulator();
    await new AwsEstate({
      endpoint: live.endpoint,
      region: "us-east-1",
      credentials: TEST_CREDENTIALS,
    }).authorise(WEB, [tcp443(WEB, "10.9.0.0/16")]);
    const before = { files: filesOf(dir), estate: await emulatorMeaning(live) };

    const run = await runLive(dir, live, ["apply", "--plan", "plan.json"]);

    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`${WEB}: added`);
    expect(filesOf(dir)).toEqual(before.files);
    expect(await emulatorMeaning(live)).toEqual(before.estate);
  });

  it("should report that every call would be permitted, and change nothing", async () => {
    const live = await plannedEmulator();
    const before = { files: filesOf(dir), estate: await emulatorMeaning(live) };

    const run = await runLive(dir, live, ["apply", "--plan", "plan.json", "--dry-run"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/EC2 would permit all \d+ calls; nothing was changed/);
    expect(filesOf(dir)).toEqual(before.files);
    expect(manifests()).toEqual([]);
    expect(await emulatorMeaning(live)).toEqual(before.estate);
  });

  it("should list a missing permission and exit 9, changing nothing", async () => {
    const live = await plannedEmulator(["RevokeSecurityGroupIngress"]);
    const before = await emulatorMeaning(live);

    const run = await runLive(dir, live, ["apply", "--plan", "plan.json", "--dry-run"]);

    expect(run.code).toBe(9);
    expect(run.stdout).toMatch(
      /DENIED\s+RevokeSecurityGroupIngress sg-\S+ \(\d+ rules\): UnauthorizedOperation/,
    );
    expect(run.stderr).toContain("Missing permission: ec2:RevokeSecurityGroupIngress");
    expect(manifests()).toEqual([]);
    expect(await emulatorMeaning(live)).toEqual(before);
  });

  it("should exit 9 naming the call when reading the estate is denied", async () => {
    emulator = await startDemoEmulator({ deniedActions: ["DescribeSecurityGroupRules"] });

    const run = await runLive(dir, emulator, [
      "plan",
      "--approved",
      "approved.json",
      "--out",
      "denied.json",
    ]);

    expect(run.code).toBe(9);
    expect(run.stderr).toContain(
      "Could not read the live estate: DescribeSecurityGroupRules failed with " +
        "UnauthorizedOperation",
    );
  });

  it("should exit 10 when no credentials can be found", async () => {
    emulator = await startDemoEmulator();

    const run = await runLive(
      dir,
      emulator,
      ["plan", "--approved", "approved.json", "--out", "x.json"],
      {
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
      },
    );

    expect(run.code).toBe(10);
    expect(emulator.calls.filter((call) => call.service === "ec2")).toEqual([]);
  });
});

describe("apply --dry-run on an exported estate", () => {
  it("should print the calls apply would make and change nothing", async () => {
    const plan = await runCli(
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "offline.json"],
      { cwd: dir },
    );
    const before = filesOf(dir);

    const run = await runCli(
      ["apply", "--plan", "offline.json", "--estate", "estate", "--dry-run"],
      { cwd: dir },
    );

    expect(plan.code).toBe(0);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${WEB}: authorise 2 rules, then revoke 1`);
    expect(run.stdout).toContain("  - sgr-");
    expect(filesOf(dir)).toEqual(before);
  });

  it("should refuse --region together with --estate", async () => {
    const run = await runCli(
      [
        ...["plan", "--approved", "approved.json", "--out", "x.json"],
        ...["--estate", "estate", "--region", "eu-west-1"],
      ],
      { cwd: dir },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--region and --profile choose the live estate");
  });
});
