import type { FlagSpec } from "../cli/command.js";

/**
 * The flags that choose the estate a command works on, shared by every command that reads
 * or changes rules so they are spelled and explained the same way everywhere.
 */
export const ESTATE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  estate: {
    type: "string",
    value: "DIR",
    description: "Work on an estate exported with the AWS CLI instead of the live account.",
  },
  region: {
    type: "string",
    value: "REGION",
    description: "The live estate's Region (default: AWS_REGION, else the profile's).",
  },
  profile: {
    type: "string",
    value: "NAME",
    description: "The AWS profile whose credentials and Region to use (default chain if absent).",
  },
  "max-rules": {
    type: "string",
    value: "N",
    description: "The inbound rule quota per group (default: Service Quotas L-0EA8095F, else 60).",
  },
};

/** The help paragraph that says how the estate is chosen. */
export const ESTATE_DETAILS =
  "Without --estate the command works on the live account: credentials from the default " +
  "chain (or --profile), the Region from --region, AWS_REGION or the profile, and " +
  "AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_EC2 honoured; AWS_MAX_ATTEMPTS sets how often a " +
  "throttled call is tried (default 8). The IAM policy each command needs is in docs/iam/.";
