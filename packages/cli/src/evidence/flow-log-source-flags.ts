import type { FlagSpec } from "../cli/command.js";

/**
 * The flags that name where flow logs are read from, shared by every command that reads
 * them: files (`--flow-logs`), a CloudWatch Logs group with its format, or an S3 prefix
 * narrowed to accounts and Regions. `chooseFlowLogSource` reads them.
 */
export const FLOW_LOG_SOURCE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  "flow-logs": {
    type: "string",
    multiple: true,
    value: "PATH",
    description:
      "Flow-log files or folders as delivered to S3 (gzip, text or Parquet); repeatable.",
  },
  "log-group": {
    type: "string",
    value: "NAME",
    description: "Read the flow log delivered to this CloudWatch Logs group, live.",
  },
  s3: {
    type: "string",
    value: "URL",
    description: "Read flow logs delivered to S3 under s3://BUCKET/PREFIX (above AWSLogs/).",
  },
  "log-format": {
    type: "string",
    value: "FORMAT",
    description:
      "The log group's flow-log format as describe-flow-logs prints it " +
      "(default: the version 2 format).",
  },
  accounts: {
    type: "string",
    multiple: true,
    value: "IDS",
    description: "With --s3: the accounts to read (default: every account found).",
  },
  regions: {
    type: "string",
    multiple: true,
    value: "REGIONS",
    description: "With --s3: the Regions to read (default: every Region found).",
  },
};
