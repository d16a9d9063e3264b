import type { StaticCredentials } from "../aws-estate-options.js";
import { AwsEstate } from "../aws-estate.js";
import { describeNetworkAcls } from "../internal/describe-network-acls.js";
import { ec2Client, type ClientSettings } from "./internal/scan-clients.js";
import type { RegionEstate, ScanAccount } from "./scan-result.js";

/**
 * The rule quota a scan reads with: any value does, since scanning never writes, and
 * fixing it spares one Service Quotas call per Region.
 */
const SCAN_QUOTA = 60;

/**
 * Reads one account × Region for a scan: the groups and their inbound rules through the
 * live estate reader ({@link AwsEstate}), and the network ACLs. Throws `AwsCallError`.
 */
export const readRegion = async (
  settings: ClientSettings,
  account: ScanAccount,
  region: string,
  credentials: StaticCredentials | undefined,
): Promise<RegionEstate> => {
  const estate = new AwsEstate({
    ...settings,
    region,
    quota: SCAN_QUOTA,
    ...(credentials === undefined ? {} : { credentials }),
  });

  const [inventory, networkAcls] = await Promise.all([
    estate.read(),
    describeNetworkAcls(ec2Client(settings, region, credentials)),
  ]);
  return { ...account, region, inventory, networkAcls };
};
