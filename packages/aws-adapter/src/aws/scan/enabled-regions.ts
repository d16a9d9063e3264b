import type { EC2Client } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "../internal/sdk.js";
import { awsRead } from "../internal/aws-read.js";

/** The Regions of one account: those to scan, and those it has not opted into. */
export interface AccountRegions {
  readonly enabled: readonly string[];
  readonly notOptedIn: readonly string[];
}

/**
 * The Regions an account can use, from DescribeRegions with `AllRegions` so the disabled
 * ones are named too: `opt-in-not-required` and `opted-in` are enabled, `not-opted-in` are
 * not (calls there fail). Both lists sorted by name. Throws `AwsCallError`.
 */
export const enabledRegions = async (ec2: EC2Client): Promise<AccountRegions> => {
  const answer = await awsRead("DescribeRegions", () =>
    ec2.send(new (ec2Sdk().DescribeRegionsCommand)({ AllRegions: true })),
  );

  const regions = (answer.Regions ?? []).flatMap((region) =>
    region.RegionName ? [{ name: region.RegionName, optIn: region.OptInStatus }] : [],
  );
  const names = (optedOut: boolean) =>
    regions
      .filter((region) => (region.optIn === "not-opted-in") === optedOut)
      .map((region) => region.name)
      .sort();
  return { enabled: names(false), notOptedIn: names(true) };
};
