import type { EC2Client } from "@aws-sdk/client-ec2";
import type { ServiceQuotasClient } from "@aws-sdk/client-service-quotas";
import { ec2Sdk, quotasSdk } from "./sdk.js";
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type AwsEstateOptions,
} from "../aws-estate-options.js";
import { guardMutations } from "./outcome-guard.js";

/** The SDK clients one live estate talks through. */
export interface AwsClients {
  readonly ec2: EC2Client;
  readonly quotas: ServiceQuotasClient;
}

/**
 * Builds the EC2 and Service Quotas clients. Only what the caller gave is passed, so the
 * SDK resolves the rest itself: the credential chain, the Region from `AWS_REGION` or the
 * profile, and endpoints from `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>`. Throttles
 * are retried by the SDK's standard strategy; writes of unknown outcome are not.
 */
export const awsClients = (options: AwsEstateOptions): AwsClients => {
  const config = {
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS },
  };

  const ec2 = new (ec2Sdk().EC2Client)(config);
  guardMutations(ec2);
  return { ec2, quotas: new (quotasSdk().ServiceQuotasClient)(config) };
};
