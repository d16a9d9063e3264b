import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import { scalar } from "../form.js";
import type { StsContext, StsHandler } from "./sts-context.js";

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const DEFAULT_DURATION = 3600;
const CHAINED_MAX = 3600;

const validation = (message: string): ApiError => apiError("ValidationError", message);

const accessDenied = (caller: string, roleArn: string): ApiError =>
  apiError(
    "AccessDenied",
    `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );

const durationOf = (text: string | undefined, chained: boolean): Result<number, ApiError> => {
  const value = text === undefined ? DEFAULT_DURATION : Number(text);
  if (!Number.isInteger(value) || value < 900 || value > 43_200) {
    return err(validation(`1 validation error detected: Value '${text}' at 'durationSeconds'`));
  }
  if (chained && value > CHAINED_MAX) {
    return err(
      validation(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by " +
          "role chaining.",
      ),
    );
  }
  return ok(value);
};

/**
 * Whether `roleName` in `accountId` trusts the caller with this external id: the role must
 * exist in a member account, the caller must be the management account (or the account
 * itself), and the ExternalId must match when the account demands one.
 */
const trusts = (
  context: StsContext,
  accountId: string,
  roleName: string,
  externalId: string | undefined,
): boolean => {
  const organization = context.organization;
  const account = organization?.accounts.find((member) => member.id === accountId);
  if (organization === undefined || account === undefined) return false;

  const caller = context.caller.accountId;
  return (
    account.roleNames.includes(roleName) &&
    (caller === organization.managementAccountId || caller === accountId) &&
    organization.externalIds.get(accountId) === externalId
  );
};

/**
 * AssumeRole: temporary credentials in the role's account whose access key id encodes
 * that account, so calls signed with them reach that account's estate. AccessDenied when
 * the role does not exist or does not trust the caller (see {@link trusts}).
 */
export const assumeRole: StsHandler = (form, context) => {
  const roleArn = scalar(form, "RoleArn") ?? "";
  const sessionName = scalar(form, "RoleSessionName") ?? "";
  const parsed = ROLE_ARN.exec(roleArn);
  if (parsed === null) {
    return err(validation(`Value '${roleArn}' at 'roleArn' is not a valid IAM role ARN.`));
  }
  if (!SESSION_NAME.test(sessionName)) {
    return err(validation(`Value '${sessionName}' at 'roleSessionName' is not a valid name.`));
  }
  const chained = context.sessions.find(context.caller.accessKeyId) !== undefined;
  const duration = durationOf(scalar(form, "DurationSeconds"), chained);
  if (!duration.ok) return duration;

  const [, accountId = "", roleName = ""] = parsed;
  if (!trusts(context, accountId, roleName, scalar(form, "ExternalId"))) {
    return err(accessDenied(`arn:aws:iam::${context.caller.accountId}:user/emulator`, roleArn));
  }

  const session = context.sessions.issue(accountId, roleName, sessionName);
  const expiration = new Date(context.now().getTime() + duration.value * 1000);
  return ok({
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: `emulated-secret-${session.accessKeyId}`,
      SessionToken: `emulated-session-${session.accessKeyId}`,
      Expiration: expiration.toISOString(),
    },
    AssumedRoleUser: {
      AssumedRoleId: `AROA${accountId}EMUL:${sessionName}`,
      Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    },
  });
};
