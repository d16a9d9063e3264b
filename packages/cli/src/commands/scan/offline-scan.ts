import { basename, resolve } from "node:path";
import { openLocalEstate } from "../../estate/open-estate.js";
import type { ScanOutcome } from "./scan-report.js";

/**
 * Reads one exported estate (with `network-acls.json` when present) as a scan of one
 * account: the account id its groups name as owner when they agree on one, else the
 * folder's name. There is no Region; nothing can fail to be scanned.
 */
export const offlineScan = async (directory: string): Promise<ScanOutcome> => {
  const estate = await openLocalEstate(directory);
  const inventory = await estate.read();
  const networkAcls = (await estate.readNetworkAcls()) ?? [];

  const owners = new Set(inventory.groups.flatMap((group) => group.ownerId ?? []));
  const name = basename(resolve(directory));
  const account =
    owners.size === 1 ? { accountId: [...owners][0]!, accountName: name } : { accountId: name };
  return {
    accounts: [account],
    estates: [{ ...account, groups: inventory.groups, networkAcls }],
    problems: [],
    skipped: [],
  };
};
