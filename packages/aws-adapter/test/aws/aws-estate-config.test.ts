import { AwsEstate } from "@sg/aws-adapter";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rejectionOf, TEST_CREDENTIALS, withDemoEmulator } from "./support/live-estate.js";

const AWS_VARIABLES = [
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_EC2",
  "AWS_ENDPOINT_URL_SERVICE_QUOTAS",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_EC2_METADATA_DISABLED",
];

let saved: Record<string, string | undefined> = {};

/** An environment with no AWS settings but those given, and no instance metadata. */
const useEnvironment = (variables: Record<string, string>): void => {
  const empty = join(mkdtempSync(join(tmpdir(), "sg-aws-config-")), "absent");
  Object.assign(process.env, {
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    AWS_EC2_METADATA_DISABLED: "true",
    ...variables,
  });
};

beforeEach(() => {
  saved = Object.fromEntries(AWS_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of AWS_VARIABLES) delete process.env[name];
});

afterEach(() => {
  for (const name of AWS_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const credentialsEnvironment = {
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_REGION: "us-east-1",
};

describe("AwsEstate configuration", () => {
  it.each(["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_EC2"])(
    "should reach the endpoint that %s names, with credentials from the environment",
    async (variable) => {
      await withDemoEmulator({}, async (emulator) => {
        // Arrange
        useEnvironment({ ...credentialsEnvironment, [variable]: emulator.endpoint });

        // Act
        const inventory = await new AwsEstate({ quota: 60 }).read();

        // Assert
        expect(inventory.groups.length).toBe(4);
        expect(emulator.calls.length).toBeGreaterThan(0);
      });
    },
  );

  it("should take the Region and credentials of the named profile", async () => {
    await withDemoEmulator({}, async (emulator) => {
      const folder = mkdtempSync(join(tmpdir(), "sg-aws-profile-"));
      writeFileSync(join(folder, "config"), "[profile audit]\nregion = eu-west-1\n");
      writeFileSync(
        join(folder, "credentials"),
        `[audit]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\n` +
          `aws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`,
      );
      useEnvironment({
        AWS_CONFIG_FILE: join(folder, "config"),
        AWS_SHARED_CREDENTIALS_FILE: join(folder, "credentials"),
        AWS_ENDPOINT_URL: emulator.endpoint,
      });
      const estate = new AwsEstate({ profile: "audit", quota: 60 });

      await estate.read();

      expect(estate.describe()).toBe(
        "live EC2 estate in eu-west-1, profile audit, rule quota 60 (given)",
      );
      expect(emulator.calls.length).toBeGreaterThan(0);
    });
  });

  it("should fail as a configuration problem when no Region can be found", async () => {
    useEnvironment({
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    });

    const error = await rejectionOf(new AwsEstate({ quota: 60 }).read());

    expect(error).toMatchObject({ name: "AwsCallError", problem: "configuration" });
  });

  it("should fail as a configuration problem when no credentials can be found", async () => {
    await withDemoEmulator({}, async (emulator) => {
      useEnvironment({ AWS_REGION: "us-east-1", AWS_ENDPOINT_URL: emulator.endpoint });

      const error = await rejectionOf(new AwsEstate({ quota: 60, maxAttempts: 1 }).read());

      expect(error).toMatchObject({ name: "AwsCallError", problem: "configuration" });
      expect(emulator.calls).toEqual([]);
    });
  });
});
