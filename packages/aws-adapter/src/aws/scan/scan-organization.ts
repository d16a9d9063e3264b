import type { STSClient } from "@aws-sdk/client-sts";
import type { StaticCredentials } from "../aws-estate-options.js";
import { assumeAccountRole, callerAccount } from "./assume-account-role.js";
import { enabledRegions } from "./enabled-regions.js";
import { boundedConcurrency, type Limiter } from "./internal/bounded-concurrency.js";
import { scanAccounts } from "./internal/scan-accounts.js";
import {
  clientSettings,
  ec2Client,
  stsClient,
  type ClientSettings,
} from "./internal/scan-clients.js";
import { readRegion } from "./read-region.js";
import {
  DEFAULT_HOME_REGION,
  DEFAULT_ROLE_NAME,
  DEFAULT_SCAN_CONCURRENCY,
  type ScanOptions,
} from "./scan-options.js";
import { scanProblem } from "./scan-problem.js";
import type { OrganizationScan, RegionEstate, ScanAccount } from "./scan-result.js";
import { ScanTally } from "./internal/scan-tally.js";

/** What one account's scan needs: clients' settings, the limiter and where results go. */
interface AccountRun {
  readonly options: ScanOptions;
  readonly settings: ClientSettings;
  readonly home: string;
  readonly sts: STSClient;
  readonly caller: string;
  readonly limit: Limiter;
  readonly tally: ScanTally;
}

/**
 * Scans every account in scope × every Region in scope: lists the accounts (see
 * {@link scanAccounts}), assumes the role in each account but the caller's own, finds its
 * enabled Regions when asked for `all`, and reads each account × Region, at most
 * `concurrency` account or Region reads at a time, each call under the SDK's retries.
 *
 * A denied role, a disabled Region or a throttle that outlasts the retries is recorded as a
 * problem of that account or Region and the scan goes on; only failing to learn which
 * accounts to scan (the caller's identity, the Organization's listings) rejects, with an
 * `AwsCallError`. Results come back sorted by account and Region, whatever order the
 * reads finished in; `onEvent` hears of each as it happens.
 */
export const scanOrganization = async (options: ScanOptions): Promise<OrganizationScan> => {
  const settings = clientSettings(options);
  const home = options.homeRegion ?? DEFAULT_HOME_REGION;
  const sts = stsClient(settings, home, options.credentials);
  const caller = await callerAccount(sts);
  const tally = new ScanTally(options.onEvent);

  const { accounts, skipped } = await scanAccounts(
    options.accounts,
    caller,
    settings,
    options.credentials,
  );
  tally.emit({ kind: "accounts-listed", accounts });
  for (const skip of skipped) tally.skip(skip);

  const run: AccountRun = {
    options,
    settings,
    home,
    sts,
    caller,
    limit: boundedConcurrency(options.concurrency ?? DEFAULT_SCAN_CONCURRENCY),
    tally,
  };
  await Promise.all(accounts.map((account) => scanAccount(run, account)));
  return tally.result(accounts);
};

/** Scans one account: its credentials, its Regions, then each Region; never rejects. */
const scanAccount = async (run: AccountRun, account: ScanAccount): Promise<void> => {
  let access: { credentials: StaticCredentials | undefined; regions: readonly string[] };
  try {
    access = await run.limit(() => accountAccess(run, account));
  } catch (error) {
    run.tally.problem(scanProblem(account, undefined, error));
    return;
  }

  run.tally.emit({ kind: "regions-found", account, regions: access.regions.length });
  await Promise.all(
    access.regions.map((region) =>
      run
        .limit(() => readRegion(run.settings, account, region, access.credentials))
        .then(
          (estate: RegionEstate) => run.tally.estate(estate),
          (error: unknown) => run.tally.problem(scanProblem(account, region, error)),
        ),
    ),
  );
};

/** The credentials to read an account with, and the Regions to read. */
const accountAccess = async (run: AccountRun, account: ScanAccount) => {
  const { options, settings, home, caller } = run;
  const credentials =
    account.accountId === caller
      ? options.credentials
      : await assumeAccountRole(run.sts, {
          accountId: account.accountId,
          roleName: options.roleName ?? DEFAULT_ROLE_NAME,
          sessionName: options.sessionName ?? "sg-tightener-scan",
          ...(options.externalId === undefined ? {} : { externalId: options.externalId }),
        });

  if (options.regions !== "all") return { credentials, regions: options.regions };
  const regions = await enabledRegions(ec2Client(settings, home, credentials));
  for (const region of regions.notOptedIn) {
    run.tally.skip({ ...account, region, reason: "not-opted-in" });
  }
  return { credentials, regions: regions.enabled };
};
