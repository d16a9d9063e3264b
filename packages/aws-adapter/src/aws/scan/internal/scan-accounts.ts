import type { StaticCredentials } from "../../aws-estate-options.js";
import { listOrganizationAccounts } from "../organization-accounts.js";
import type { AccountScope } from "../scan-options.js";
import type { ScanAccount, ScanSkip } from "../scan-result.js";
import { organizationsClient, type ClientSettings } from "./scan-clients.js";

/**
 * The accounts a scan covers, sorted and each once, and the Organization's accounts left
 * out because they are not ACTIVE (suspended, closed, pending): the Organization's (or an
 * OU's subtree), the listed ids, or only the caller's own account.
 */
export const scanAccounts = async (
  scope: AccountScope,
  caller: string,
  settings: ClientSettings,
  credentials: StaticCredentials | undefined,
): Promise<{ accounts: ScanAccount[]; skipped: ScanSkip[] }> => {
  if (scope.kind === "current") return { accounts: [{ accountId: caller }], skipped: [] };
  if (scope.kind === "accounts") {
    const ids = [...new Set(scope.accountIds)].sort();
    return { accounts: ids.map((accountId) => ({ accountId })), skipped: [] };
  }

  const client = organizationsClient(settings, credentials);
  const listed = await listOrganizationAccounts(client, scope.organizationalUnitId);
  const named = (account: (typeof listed)[number]): ScanAccount => ({
    accountId: account.accountId,
    ...(account.accountName === undefined ? {} : { accountName: account.accountName }),
  });
  return {
    accounts: listed.filter((account) => account.state === "ACTIVE").map(named),
    skipped: listed
      .filter((account) => account.state !== "ACTIVE")
      .map((account) => ({ ...named(account), reason: account.state })),
  };
};
