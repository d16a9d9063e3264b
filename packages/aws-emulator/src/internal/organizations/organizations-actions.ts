import { err, ok } from "@sg/core";
import { isParent, managementView, memberView, parentNotFound } from "./organizations-access.js";
import type { OrganizationsHandler } from "./organizations-context.js";
import { organizationsPage, requiredString } from "./organizations-page.js";
import { accountShape, arnOf, rootShape, unitShape } from "./organizations-shapes.js";

const describeOrganization: OrganizationsHandler = (_body, context) => {
  const view = memberView(context);
  if (!view.ok) return view;

  const organization = view.value;
  const management = organization.managementAccountId;
  return ok({
    Organization: {
      Id: organization.id,
      Arn: arnOf(organization, `organization/${organization.id}`),
      FeatureSet: "ALL",
      MasterAccountArn: arnOf(organization, `account/${organization.id}/${management}`),
      MasterAccountId: management,
      MasterAccountEmail: `management@example.com`,
      AvailablePolicyTypes: [],
    },
  });
};

const listRoots: OrganizationsHandler = (body, context) => {
  const view = managementView(context);
  if (!view.ok) return view;

  const paged = organizationsPage(body, [rootShape(view.value)], context);
  return paged.ok ? ok({ Roots: paged.value.page, NextToken: paged.value.NextToken }) : paged;
};

const listAccounts: OrganizationsHandler = (body, context) => {
  const view = managementView(context);
  if (!view.ok) return view;

  const organization = view.value;
  const accounts = organization.accounts.map((account) => accountShape(organization, account));
  const paged = organizationsPage(body, accounts, context);
  return paged.ok ? ok({ Accounts: paged.value.page, NextToken: paged.value.NextToken }) : paged;
};

const listAccountsForParent: OrganizationsHandler = (body, context) => {
  const view = managementView(context);
  if (!view.ok) return view;
  const parentId = requiredString(body, "ParentId");
  if (!parentId.ok) return parentId;

  const organization = view.value;
  if (!isParent(organization, parentId.value)) return err(parentNotFound(parentId.value));
  const accounts = organization.accounts
    .filter((account) => account.parentId === parentId.value)
    .map((account) => accountShape(organization, account));
  const paged = organizationsPage(body, accounts, context);
  return paged.ok ? ok({ Accounts: paged.value.page, NextToken: paged.value.NextToken }) : paged;
};

const listOrganizationalUnitsForParent: OrganizationsHandler = (body, context) => {
  const view = managementView(context);
  if (!view.ok) return view;
  const parentId = requiredString(body, "ParentId");
  if (!parentId.ok) return parentId;

  const organization = view.value;
  if (!isParent(organization, parentId.value)) return err(parentNotFound(parentId.value));
  const units = organization.units
    .filter((unit) => unit.parentId === parentId.value)
    .map((unit) => unitShape(organization, unit));
  const paged = organizationsPage(body, units, context);
  return paged.ok
    ? ok({ OrganizationalUnits: paged.value.page, NextToken: paged.value.NextToken })
    : paged;
};

/**
 * The Organizations actions the emulator speaks (JSON 1.1, target prefix
 * `AWSOrganizationsV20161128`): enough to walk an Organization, its OUs and accounts.
 */
export const ORGANIZATIONS_ACTIONS: ReadonlyMap<string, OrganizationsHandler> = new Map([
  ["DescribeOrganization", describeOrganization],
  ["ListRoots", listRoots],
  ["ListAccounts", listAccounts],
  ["ListAccountsForParent", listAccountsForParent],
  ["ListOrganizationalUnitsForParent", listOrganizationalUnitsForParent],
]);

/** The `X-Amz-Target` prefix of Organizations. */
export const ORGANIZATIONS_TARGET = "AWSOrganizationsV20161128";
