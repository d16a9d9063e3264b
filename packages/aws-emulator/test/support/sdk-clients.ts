import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ServiceQuotasClient } from "@aws-sdk/client-service-quotas";
import { fileURLToPath } from "node:url";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The offline estate the fixture tests seed from. */
export const FIXTURE_ESTATE = fileURLToPath(new URL("../fixtures/estate", import.meta.url));

const config = (endpoint: string, maxAttempts: number) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIAEMULATORTEST0001", secretAccessKey: "emulator-secret-key" },
  maxAttempts,
});

/** A real EC2 client aimed at the emulator; one attempt unless a test wants retries. */
export const ec2Client = (endpoint: string, maxAttempts = 1): EC2Client =>
  new EC2Client(config(endpoint, maxAttempts));

/** A real CloudWatch Logs client aimed at the emulator. */
export const logsClient = (endpoint: string, maxAttempts = 1): CloudWatchLogsClient =>
  new CloudWatchLogsClient(config(endpoint, maxAttempts));

/** A real Service Quotas client aimed at the emulator. */
export const quotasClient = (endpoint: string, maxAttempts = 1): ServiceQuotasClient =>
  new ServiceQuotasClient(config(endpoint, maxAttempts));

/** The error a promise rejects with, or a failure if it resolves. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail, but it succeeded");
};

/** The HTTP status an SDK exception carries in its metadata. */
export const statusOf = (error: Error): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
