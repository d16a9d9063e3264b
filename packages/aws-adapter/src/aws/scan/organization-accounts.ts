import type { Account, OrganizationsClient } from "@aws-sdk/client-organizations";
import { organizationsSdk } from "../internal/sdk.js";
import { allPages } from "../internal/all-pages.js";
import { awsRead } from "../internal/aws-read.js";

/** An account of the Organization, with the State that decides whether it is scanned. */
export interface OrganizationAccount {
  readonly accountId: string;
  readonly accountName?: string;
  /** `ACTIVE`, `SUSPENDED`, `CLOSED`, …; the legacy Status when State is absent. */
  readonly state: string;
}

const accountOf = (account: Account): OrganizationAccount => ({
  accountId: account.Id ?? "",
  ...(account.Name === undefined ? {} : { accountName: account.Name }),
  state: account.State ?? account.Status ?? "UNKNOWN",
});

const accountsUnder = (client: OrganizationsClient, parentId: string) =>
  allPages("ListAccountsForParent", async (NextToken) => {
    const page = await awsRead("ListAccountsForParent", () =>
      client.send(
        new (organizationsSdk().ListAccountsForParentCommand)({ ParentId: parentId, NextToken }),
      ),
    );
    return { items: page.Accounts ?? [], ...(page.NextToken ? { nextToken: page.NextToken } : {}) };
  });

const unitsUnder = (client: OrganizationsClient, parentId: string) =>
  allPages("ListOrganizationalUnitsForParent", async (NextToken) => {
    const page = await awsRead("ListOrganizationalUnitsForParent", () =>
      client.send(
        new (organizationsSdk().ListOrganizationalUnitsForParentCommand)({
          ParentId: parentId,
          NextToken,
        }),
      ),
    );
    const items = (page.OrganizationalUnits ?? []).flatMap((unit) => (unit.Id ? [unit.Id] : []));
    return { items, ...(page.NextToken ? { nextToken: page.NextToken } : {}) };
  });

/** Every account in the subtree under `parentId`: its own, then each child OU's, depth first. */
const subtreeAccounts = async (
  client: OrganizationsClient,
  parentId: string,
): Promise<Account[]> => {
  const [own, units] = await Promise.all([
    accountsUnder(client, parentId),
    unitsUnder(client, parentId),
  ]);

  const nested = [];
  for (const unitId of units) nested.push(...(await subtreeAccounts(client, unitId)));
  return [...own, ...nested];
};

/**
 * Every account of the Organization, or of the subtree under one OU (or root), whatever
 * their State, sorted by account id. Follows every page of every listing, empty pages
 * included, as Organizations may return fewer results than asked while more exist.
 * ListAccountsForParent lists only direct children, so a subtree is walked by recursing
 * through ListOrganizationalUnitsForParent. Must run as the management account (or a
 * delegated administrator); failures throw `AwsCallError` naming the operation.
 */
export const listOrganizationAccounts = async (
  client: OrganizationsClient,
  organizationalUnitId?: string,
): Promise<OrganizationAccount[]> => {
  const accounts =
    organizationalUnitId === undefined
      ? await allPages("ListAccounts", async (NextToken) => {
          const page = await awsRead("ListAccounts", () =>
            client.send(new (organizationsSdk().ListAccountsCommand)({ NextToken })),
          );
          return {
            items: page.Accounts ?? [],
            ...(page.NextToken ? { nextToken: page.NextToken } : {}),
          };
        })
      : await subtreeAccounts(client, organizationalUnitId);

  return accounts
    .map(accountOf)
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
};
