import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import type { OrganizationModel } from "./organization-model.js";
import type { OrganizationsContext } from "./organizations-context.js";

/**
 * The Organization, when the caller belongs to it: AWSOrganizationsNotInUseException for
 * an account outside any Organization.
 */
export const memberView = ({
  organization,
  caller,
}: OrganizationsContext): Result<OrganizationModel, ApiError> => {
  const member =
    organization !== undefined &&
    (caller.accountId === organization.managementAccountId ||
      organization.accounts.some((account) => account.id === caller.accountId));
  return member
    ? ok(organization)
    : err(
        apiError(
          "AWSOrganizationsNotInUseException",
          "Your account is not a member of an organization.",
        ),
      );
};

/**
 * The Organization, when the caller is its management account: listings are refused to
 * member accounts with AccessDeniedException, as AWS refuses them to any account that is
 * neither the management account nor a delegated administrator.
 */
export const managementView = (
  context: OrganizationsContext,
): Result<OrganizationModel, ApiError> => {
  const member = memberView(context);
  if (!member.ok) return member;
  if (context.caller.accountId !== member.value.managementAccountId) {
    return err(
      apiError(
        "AccessDeniedException",
        "You don't have permissions to access this resource. " +
          `Account ${context.caller.accountId} is not the management account.`,
      ),
    );
  }
  return member;
};

/** The error for a ParentId that is neither the root nor an OU. */
export const parentNotFound = (parentId: string): ApiError =>
  apiError(
    "ParentNotFoundException",
    `We can't find a root or OU with the ParentId "${parentId}" that you specified.`,
  );

/** Whether an id names the root or an OU of the Organization. */
export const isParent = (organization: OrganizationModel, parentId: string): boolean =>
  parentId === organization.rootId || organization.units.some((unit) => unit.id === parentId);
