import {
  DescribeSecurityGroupsCommand,
  EC2Client,
  type EC2ClientConfig,
} from "@aws-sdk/client-ec2";
import {
  ListAccountsForParentCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type EmulatorHandle } from "@sg/aws-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLOSED,
  DEV,
  DISABLED_REGION,
  MANAGEMENT,
  MANAGEMENT_CREDENTIALS,
  PROD,
  organizationOptions,
} from "./fixtures/organization.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

type Credentials = NonNullable<EC2ClientConfig["credentials"]>;

const failureOf = async (
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
};

describe("the emulator's Organizations, STS and per-account EC2, through the real SDK", () => {
  let emulator: EmulatorHandle;
  const config = (region = "us-east-1", credentials: Credentials = MANAGEMENT_CREDENTIALS) => ({
    endpoint: emulator.endpoint,
    region,
    credentials,
    maxAttempts: 1,
  });
  const assume = async (accountId: string, extra: { ExternalId?: string } = {}) => {
    const answer = await new STSClient(config()).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
        RoleSessionName: "scan-test",
        ...extra,
      }),
    );
    const { AccessKeyId, SecretAccessKey, SessionToken } = answer.Credentials!;
    return {
      accessKeyId: AccessKeyId!,
      secretAccessKey: SecretAccessKey!,
      sessionToken: SessionToken!,
    };
  };

  beforeAll(async () => {
    emulator = await startEmulator(organizationOptions());
  });
  afterAll(async () => emulator.stop());

  it("should list every account across one-item pages and an empty page", async () => {
    const client = new OrganizationsClient(config());

    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client }, {})) {
      ids.push(...(page.Accounts ?? []).map((account) => account.Id!));
    }

    expect(ids).toHaveLength(6);
    expect(new Set(ids)).toContain(CLOSED);
  });

  it("should report each account's State and Status", async () => {
    const client = new OrganizationsClient(config());

    const states: Record<string, string | undefined> = {};
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const account of page.Accounts ?? []) states[account.Id!] = account.State;
    }

    expect(states[CLOSED]).toBe("CLOSED");
    expect(states[PROD]).toBe("ACTIVE");
  });

  it("should list only the direct children of a parent", async () => {
    const client = new OrganizationsClient(config());

    const ids: string[] = [];
    const pages = paginateListAccountsForParent({ client }, { ParentId: "ou-prod-11111111" });
    for await (const page of pages) ids.push(...(page.Accounts ?? []).map((a) => a.Id!));

    expect(ids.sort()).toEqual([PROD, CLOSED].sort());
  });

  it("should refuse an unknown parent with ParentNotFoundException", async () => {
    const client = new OrganizationsClient(config());

    const error = await failureOf(
      client.send(new ListAccountsForParentCommand({ ParentId: "ou-none-1" })),
    );

    expect(error.name).toBe("ParentNotFoundException");
  });

  it("should issue session keys that route EC2 calls to the role's account", async () => {
    const credentials = await assume(PROD);

    const groups = await new EC2Client(config("us-east-1", credentials)).send(
      new DescribeSecurityGroupsCommand({}),
    );

    expect(credentials.accessKeyId).toMatch(new RegExp(`^ASIA${PROD}`));
    expect(groups.SecurityGroups?.map((group) => group.GroupId)).toEqual(["sg-0prodssh"]);
  });

  it("should keep Regions apart within an account", async () => {
    const credentials = await assume(PROD);

    const groups = await new EC2Client(config("eu-west-1", credentials)).send(
      new DescribeSecurityGroupsCommand({}),
    );

    expect(groups.SecurityGroups?.map((group) => group.GroupId)).toEqual(["sg-0prodapi"]);
  });

  it("should answer GetCallerIdentity for a session with the role's account", async () => {
    const credentials = await assume(PROD);

    const identity = await new STSClient(config("us-east-1", credentials)).send(
      new GetCallerIdentityCommand({}),
    );

    expect(identity.Account).toBe(PROD);
    expect(identity.Arn).toBe(
      `arn:aws:sts::${PROD}:assumed-role/OrganizationAccountAccessRole/scan-test`,
    );
  });

  it.each([
    ["a role that does not exist", DEV, {}],
    ["an ExternalId the role does not expect", PROD, { ExternalId: "nope" }],
  ])("should refuse %s with AccessDenied (403)", async (_case, accountId, extra) => {
    const error = await failureOf(assume(accountId, extra));

    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it("should refuse the listings to a member account", async () => {
    const credentials = await assume(PROD);
    const client = new OrganizationsClient(config("us-east-1", credentials));

    const error = await failureOf(
      client.send(new ListAccountsForParentCommand({ ParentId: "ou-dev0-33333333" })),
    );

    expect(error.name).toBe("AccessDeniedException");
  });

  it("should fail EC2 calls in a Region the account has not opted into", async () => {
    const error = await failureOf(
      new EC2Client(config(DISABLED_REGION)).send(new DescribeSecurityGroupsCommand({})),
    );

    expect(error.name).toBe("AuthFailure");
    expect(error.$metadata?.httpStatusCode).toBe(401);
  });

  it("should let the SDK retry a TooManyRequestsException", async () => {
    emulator.faults.failCall({ action: "ListAccounts", nth: 1, code: "TooManyRequestsException" });
    const client = new OrganizationsClient({ ...config(), maxAttempts: 3 });

    const pages = [];
    for await (const page of paginateListAccounts({ client }, {})) pages.push(page);

    const throttled = emulator.calls.filter(
      (call) => call.errorCode === "TooManyRequestsException",
    );
    expect(throttled).toHaveLength(1);
    expect(pages.flatMap((page) => page.Accounts ?? [])).toHaveLength(6);
  });

  it("should serve the management account its own estate with a long-term key", async () => {
    const groups = await new EC2Client(config()).send(new DescribeSecurityGroupsCommand({}));

    expect(groups.SecurityGroups?.map((group) => group.OwnerId)).toEqual([MANAGEMENT]);
  });
});
