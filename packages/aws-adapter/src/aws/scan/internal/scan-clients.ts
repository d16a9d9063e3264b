import type { EC2Client } from "@aws-sdk/client-ec2";
import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { STSClient } from "@aws-sdk/client-sts";
import { ec2Sdk, organizationsSdk, stsSdk } from "../../internal/sdk.js";
import { DEFAULT_MAX_ATTEMPTS, type StaticCredentials } from "../../aws-estate-options.js";
import type { ScanOptions } from "../scan-options.js";

/** The connection settings every client of a scan shares. */
export interface ClientSettings {
  readonly profile?: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
}

/** The settings of `options`, with the live estate's retry default. */
export const clientSettings = (options: ScanOptions): ClientSettings => ({
  ...(options.profile === undefined ? {} : { profile: options.profile }),
  ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
});

const configOf = (
  settings: ClientSettings,
  region: string,
  credentials: StaticCredentials | undefined,
) => ({
  ...settings,
  region,
  ...(credentials === undefined ? {} : { credentials }),
});

/** An Organizations client; Organizations lives in us-east-1 whatever the home Region. */
export const organizationsClient = (
  settings: ClientSettings,
  credentials: StaticCredentials | undefined,
): OrganizationsClient =>
  new (organizationsSdk().OrganizationsClient)(configOf(settings, "us-east-1", credentials));

/** An STS client in the home Region. */
export const stsClient = (
  settings: ClientSettings,
  region: string,
  credentials: StaticCredentials | undefined,
): STSClient => new (stsSdk().STSClient)(configOf(settings, region, credentials));

/** An EC2 client in one Region, with one account's credentials. */
export const ec2Client = (
  settings: ClientSettings,
  region: string,
  credentials: StaticCredentials | undefined,
): EC2Client => new (ec2Sdk().EC2Client)(configOf(settings, region, credentials));
