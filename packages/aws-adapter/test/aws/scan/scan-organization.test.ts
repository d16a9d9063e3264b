import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanOrganization } from "../../../src/aws/scan/scan-organization.js";
import type { ScanEvent, ScanOptions } from "../../../src/aws/scan/index.js";
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
} from "./fixtures/organization.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

describe("scanOrganization over an emulated Organization", () => {
  let emulator: EmulatorHandle;
  const scan = (options: Partial<ScanOptions>) =>
    scanOrganization({
      accounts: { kind: "organization" },
      regions: "all",
      endpoint: emulator.endpoint,
      credentials: MANAGEMENT_CREDENTIALS,
      maxAttempts: 2,
      ...options,
    });
  const places = (list: readonly { accountId: string; region?: string }[]) =>
    list.map((item) => `${item.accountId} ${item.region ?? "-"}`);

  beforeEach(async () => {
    emulator = await startEmulator(organizationOptions());
  });
  afterEach(async () => emulator.stop());

  it("should read every enabled Region of every active account it can enter", async () => {
    const result = await scan({});

    expect(places(result.estates)).toEqual([
      `${PROD} eu-west-1`,
      `${PROD} us-east-1`,
      `${MANAGEMENT} eu-west-1`,
      `${MANAGEMENT} us-east-1`,
      `${PROD_EU} eu-west-1`,
      `${PROD_EU} us-east-1`,
    ]);
  });

  it("should record the account whose role cannot be assumed, and go on", async () => {
    const result = await scan({});

    expect(result.problems).toEqual([
      expect.objectContaining({ accountId: DEV, accountName: "dev", kind: "access-denied" }),
    ]);
    expect(result.problems[0]).not.toHaveProperty("region");
  });

  it("should skip accounts that are not ACTIVE and Regions not opted into", async () => {
    const result = await scan({});

    expect(result.skipped.map((skip) => `${places([skip])[0]} ${skip.reason}`)).toEqual([
      `${PROD} ${DISABLED_REGION} not-opted-in`,
      `${MANAGEMENT} ${DISABLED_REGION} not-opted-in`,
      `${PROD_EU} ${DISABLED_REGION} not-opted-in`,
      `${SUSPENDED} - SUSPENDED`,
      `${CLOSED} - CLOSED`,
    ]);
  });

  it("should carry each Region's rules and network ACLs", async () => {
    const result = await scan({});

    const eu = result.estates.find((e) => e.accountId === PROD_EU && e.region === "eu-west-1");
    expect(eu?.inventory.groups.map((group) => group.groupId)).toEqual(["sg-0euweb"]);
    expect(eu?.networkAcls.map((acl) => acl.networkAclId)).toEqual(["acl-0eu"]);
  });

  it("should walk only the subtree of an OU, through nested OUs", async () => {
    const result = await scan({
      accounts: { kind: "organization", organizationalUnitId: "ou-prod-11111111" },
    });

    expect(result.accounts.map((account) => account.accountId)).toEqual([PROD, PROD_EU]);
    expect(
      result.skipped.filter((skip) => skip.region === undefined).map((s) => s.accountId),
    ).toEqual([CLOSED]);
  });

  it("should record a listed Region that is disabled as a problem of that Region", async () => {
    const result = await scan({
      accounts: { kind: "accounts", accountIds: [PROD] },
      regions: ["us-east-1", DISABLED_REGION],
    });

    expect(places(result.estates)).toEqual([`${PROD} us-east-1`]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        accountId: PROD,
        region: DISABLED_REGION,
        kind: "region-disabled",
        code: "AuthFailure",
      }),
    ]);
  });

  it("should scan only the caller's account without an Organization scope", async () => {
    const result = await scan({ accounts: { kind: "current" }, regions: ["us-east-1"] });

    expect(places(result.estates)).toEqual([`${MANAGEMENT} us-east-1`]);
    expect(emulator.calls.some((call) => call.action === "AssumeRole")).toBe(false);
  });

  it("should record a Region still throttled after every retry, and go on", async () => {
    emulator.faults.failCall({
      action: "DescribeNetworkAcls",
      nth: 1,
      times: 2,
      code: "RequestLimitExceeded",
    });

    const result = await scan({
      accounts: { kind: "accounts", accountIds: [PROD] },
      regions: ["us-east-1"],
      maxAttempts: 2,
    });

    expect(result.problems).toEqual([
      expect.objectContaining({ accountId: PROD, region: "us-east-1", kind: "throttled" }),
    ]);
  });

  it("should pass the external id and role name to AssumeRole", async () => {
    await scan({
      accounts: { kind: "accounts", accountIds: [PROD] },
      regions: ["us-east-1"],
      roleName: "Auditor",
      externalId: "x-1",
    });

    const call = emulator.calls.find((c) => c.action === "AssumeRole");
    expect(call?.params).toMatchObject({
      RoleArn: `arn:aws:iam::${PROD}:role/Auditor`,
      ExternalId: "x-1",
    });
  });

  it("should tell the listener of every Region and problem as it happens", async () => {
    const events: ScanEvent[] = [];

    await scan({ onEvent: (event) => events.push(event) });

    const kinds = events.map((event) => event.kind);
    expect(kinds[0]).toBe("accounts-listed");
    expect(kinds.filter((kind) => kind === "region-scanned")).toHaveLength(6);
    expect(kinds.filter((kind) => kind === "problem")).toHaveLength(1);
  });

  it("should reject when the Organization cannot be listed", async () => {
    const error = scan({ credentials: { accessKeyId: `ASIA${PROD}0001`, secretAccessKey: "x" } });

    await expect(error).rejects.toMatchObject({
      name: "AwsCallError",
      code: "AccessDeniedException",
    });
  });
});
