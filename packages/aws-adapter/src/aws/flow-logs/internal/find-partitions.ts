import type { S3Client } from "@aws-sdk/client-s3";
import { FlowLogSourceError } from "../flow-log-source-error.js";
import { formatS3Location, type S3Location } from "../s3-location.js";
import type { FlowLogPartition } from "./delivery-days.js";
import { listFolders } from "./list-bucket.js";
import { prefetchInOrder } from "./prefetch-in-order.js";

/** Which accounts and Regions to read; every one found when a list is absent. */
export interface PartitionChoice {
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
}

type AccountFolder = Omit<FlowLogPartition, "region">;

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/**
 * The account and Region folders to read under `AWSLogs/`, in either layout (both may sit
 * side by side), sorted by account, Region and layout. Accounts are always listed, with a
 * delimiter, to learn each one's layout; Regions only when `choice.regions` is absent. An
 * account asked for but absent, or no account folder at all, is an error naming what was
 * found, so a typo does not pass as a quiet estate.
 */
export const findPartitions = async (
  client: S3Client,
  location: S3Location,
  choice: PartitionChoice,
  concurrency: number,
): Promise<FlowLogPartition[]> => {
  const root = `${location.prefix}AWSLogs/`;
  const found = (await listFolders(client, location.bucket, root)).flatMap(accountFolder);
  const chosen = found.filter(({ accountId }) => choice.accounts?.includes(accountId) ?? true);
  checkAccounts(location, found, chosen, choice);

  const partitions: FlowLogPartition[] = [];
  const perAccount = prefetchInOrder(chosen, concurrency, async (account) => {
    const regions = choice.regions ?? (await regionsOf(client, location, account));
    return regions.map((region) => ({ ...account, region }));
  });
  for await (const ofAccount of perAccount) partitions.push(...ofAccount);
  return partitions.sort(comparePartitions);
};

const accountFolder = (name: string): AccountFolder[] => {
  if (/^\d{12}$/.test(name)) return [{ layout: "default", accountId: name }];

  const hive = /^aws-account-id=(\d{12})$/.exec(name);
  return hive === null ? [] : [{ layout: "hive", accountId: hive[1]! }];
};

const regionsOf = async (
  client: S3Client,
  location: S3Location,
  account: AccountFolder,
): Promise<string[]> => {
  const hive = account.layout === "hive";
  const folder = hive
    ? `aws-account-id=${account.accountId}/aws-service=vpcflowlogs/`
    : `${account.accountId}/vpcflowlogs/`;
  const names = await listFolders(client, location.bucket, `${location.prefix}AWSLogs/${folder}`);

  return names
    .map((name) => (hive ? name.replace(/^aws-region=/, "") : name))
    .filter((region) => REGION.test(region));
};

const checkAccounts = (
  location: S3Location,
  found: readonly AccountFolder[],
  chosen: readonly AccountFolder[],
  choice: PartitionChoice,
): void => {
  const where = `${formatS3Location(location)}AWSLogs/`;
  const seen = [...new Set(found.map(({ accountId }) => accountId))].sort();
  const absent = (choice.accounts ?? []).filter((id) => !seen.includes(id));
  if (absent.length > 0) {
    const listed = seen.length === 0 ? "none" : seen.join(", ");
    const accounts = absent.join(", ");
    const message = `no flow logs for account ${accounts} under ${where} (found: ${listed})`;
    throw new FlowLogSourceError(where, "missing", message);
  }
  if (chosen.length === 0) {
    const message = `no account folders of VPC flow logs under ${where}; check the prefix`;
    throw new FlowLogSourceError(where, "missing", message);
  }
};

const comparePartitions = (a: FlowLogPartition, b: FlowLogPartition): number =>
  compare(a.accountId, b.accountId) || compare(a.region, b.region) || compare(a.layout, b.layout);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
