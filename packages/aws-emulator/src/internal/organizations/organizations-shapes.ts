import type { OrganizationModel } from "./organization-model.js";

/** The seconds since the epoch every emulated account joined at (2020-01-01T00:00:00Z). */
const JOINED = 1_577_836_800;

/** An Organizations ARN in the management account: `arn:aws:organizations::MGMT:PATH`. */
export const arnOf = (organization: OrganizationModel, path: string): string =>
  `arn:aws:organizations::${organization.managementAccountId}:${path}`;

/** The legacy `Status` field for a `State`; AWS retires `Status` in 2026. */
const STATUS_OF: Readonly<Record<string, string>> = {
  ACTIVE: "ACTIVE",
  SUSPENDED: "SUSPENDED",
  PENDING_CLOSURE: "PENDING_CLOSURE",
  CLOSED: "SUSPENDED",
  PENDING_ACTIVATION: "ACTIVE",
};

/** An account as ListAccounts returns it, with both `State` and the legacy `Status`. */
export const accountShape = (
  organization: OrganizationModel,
  account: OrganizationModel["accounts"][number],
): Record<string, unknown> => ({
  Id: account.id,
  Arn: arnOf(organization, `account/${organization.id}/${account.id}`),
  Email: account.email,
  Name: account.name,
  Status: STATUS_OF[account.state],
  State: account.state,
  JoinedMethod: account.joinedMethod,
  JoinedTimestamp: JOINED,
});

/** An OU as ListOrganizationalUnitsForParent returns it. */
export const unitShape = (
  organization: OrganizationModel,
  unit: OrganizationModel["units"][number],
): Record<string, unknown> => ({
  Id: unit.id,
  Arn: arnOf(organization, `ou/${organization.id}/${unit.id}`),
  Name: unit.name,
});

/** The root as ListRoots returns it. */
export const rootShape = (organization: OrganizationModel): Record<string, unknown> => ({
  Id: organization.rootId,
  Arn: arnOf(organization, `root/${organization.id}/${organization.rootId}`),
  Name: "Root",
  PolicyTypes: [],
});
