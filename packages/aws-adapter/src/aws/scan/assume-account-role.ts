import type { STSClient } from "@aws-sdk/client-sts";
import { stsSdk } from "../internal/sdk.js";
import type { StaticCredentials } from "../aws-estate-options.js";
import { awsRead, responseFailure } from "../internal/aws-read.js";

/** The role to assume and how, for {@link assumeAccountRole}. */
export interface RoleRequest {
  readonly accountId: string;
  readonly roleName: string;
  readonly sessionName: string;
  readonly externalId?: string;
}

/**
 * Temporary credentials for `roleName` in the account, from STS AssumeRole (one hour, the
 * default and the ceiling for a chained role). Throws `AwsCallError`; a role that does not
 * exist or does not trust the caller is `AccessDenied`, problem `permission`.
 */
export const assumeAccountRole = async (
  sts: STSClient,
  request: RoleRequest,
): Promise<StaticCredentials> => {
  const roleArn = `arn:aws:iam::${request.accountId}:role/${request.roleName}`;
  const answer = await awsRead("AssumeRole", () =>
    sts.send(
      new (stsSdk().AssumeRoleCommand)({
        RoleArn: roleArn,
        RoleSessionName: request.sessionName,
        ...(request.externalId === undefined ? {} : { ExternalId: request.externalId }),
      }),
    ),
  );

  const credentials = answer.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw responseFailure("AssumeRole", `no credentials for ${roleArn}`);
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
  };
};

/** The account the caller's credentials belong to (STS GetCallerIdentity). */
export const callerAccount = async (sts: STSClient): Promise<string> => {
  const identity = await awsRead("GetCallerIdentity", () =>
    sts.send(new (stsSdk().GetCallerIdentityCommand)({})),
  );
  if (identity.Account === undefined) {
    throw responseFailure("GetCallerIdentity", "no Account");
  }
  return identity.Account;
};
