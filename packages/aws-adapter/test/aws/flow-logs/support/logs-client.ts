import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { FlowLogLine, FlowLogSource } from "@sg/aws-adapter";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** A real CloudWatch Logs client aimed at the emulator, with `maxAttempts` attempts a call. */
export const logsClientAt = (endpoint: string, maxAttempts = 1): CloudWatchLogsClient =>
  new CloudWatchLogsClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIAFLOWLOGSTEST0001", secretAccessKey: "flow-logs-secret" },
    maxAttempts,
  });

/** Every line a source yields, in order. */
export const collectLines = async (source: FlowLogSource): Promise<FlowLogLine[]> => {
  const lines: FlowLogLine[] = [];
  for await (const line of source.lines()) lines.push(line);
  return lines;
};

/** What a source's read rejected with, or a failure when it succeeded. */
export const failureOf = async (source: FlowLogSource): Promise<Error> => {
  try {
    await collectLines(source);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the read to fail, but it succeeded");
};
