import type {
  MemberAccountSeed,
  OrganizationSeed,
  OrganizationalUnitSeed,
} from "../../organization-seed.js";

/** The roles every created member account has unless its seed names others. */
export const DEFAULT_ROLE_NAMES: readonly string[] = ["OrganizationAccountAccessRole"];

/**
 * The emulated Organization with every default filled in and every parent checked: the
 * root, the OUs and the accounts in seed order, which is the order listings return.
 */
export interface OrganizationModel {
  readonly id: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  readonly units: readonly Required<OrganizationalUnitSeed>[];
  readonly accounts: readonly Required<Omit<MemberAccountSeed, "externalId">>[];
  readonly externalIds: ReadonlyMap<string, string>;
}

/**
 * Builds the model from its seed, throwing (so `startEmulator` rejects) on an account or OU
 * under a parent that does not exist, or an id used twice.
 */
export const organizationModel = (
  seed: OrganizationSeed,
  defaultManagementAccount: string,
): OrganizationModel => {
  const id = seed.id ?? "o-exampleorgid";
  const rootId = seed.rootId ?? "r-examplerootid";
  const units = (seed.units ?? []).map((unit) => ({ ...unit, parentId: unit.parentId ?? rootId }));
  const parents = new Set([rootId, ...units.map((unit) => unit.id)]);
  const accounts = seed.accounts.map((account) => ({
    id: account.id,
    name: account.name,
    email: account.email ?? `${account.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.com`,
    state: account.state ?? "ACTIVE",
    parentId: account.parentId ?? rootId,
    joinedMethod: account.joinedMethod ?? "CREATED",
    roleNames: account.roleNames ?? DEFAULT_ROLE_NAMES,
  }));

  const orphan = [...units, ...accounts].find((member) => !parents.has(member.parentId));
  if (orphan !== undefined) {
    throw new Error(
      `cannot seed the organization: ${orphan.id} is under unknown ${orphan.parentId}`,
    );
  }
  const ids = [...units, ...accounts].map((member) => member.id);
  const twice = ids.find((member, index) => ids.indexOf(member) !== index);
  if (twice !== undefined)
    throw new Error(`cannot seed the organization: ${twice} is listed twice`);

  const externalIds = new Map(
    seed.accounts.flatMap((account) =>
      account.externalId === undefined ? [] : [[account.id, account.externalId] as const],
    ),
  );
  return {
    id,
    rootId,
    managementAccountId: seed.managementAccountId ?? defaultManagementAccount,
    units,
    accounts,
    externalIds,
  };
};
