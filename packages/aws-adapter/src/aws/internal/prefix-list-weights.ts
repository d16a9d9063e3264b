import type { EC2Client } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import type { PrefixListWeights } from "../../internal/permission-rules.js";
import { allPages } from "./all-pages.js";
import { awsRead } from "./aws-read.js";
import { filterChunks } from "./filter-chunks.js";

const OPERATION = "DescribeManagedPrefixLists";

/** The most prefix lists DescribeManagedPrefixLists returns per page. */
const PAGE_SIZE = 100;

/**
 * The maximum entries of each prefix list that rules reference: what a prefix-list rule
 * costs against the group's quota (aws-facts §1). No call is made when no rule references
 * a prefix list; a list EC2 does not describe stays unweighed and costs one.
 */
export const prefixListWeights = async (
  ec2: EC2Client,
  prefixListIds: readonly string[],
): Promise<PrefixListWeights> => {
  const weights = new Map<string, number>();
  for (const Filters of filterChunks("prefix-list-id", prefixListIds)) {
    const lists = await allPages(OPERATION, async (NextToken) => {
      const page = await awsRead(OPERATION, () =>
        ec2.send(
          new (ec2Sdk().DescribeManagedPrefixListsCommand)({
            Filters,
            MaxResults: PAGE_SIZE,
            ...(NextToken === undefined ? {} : { NextToken }),
          }),
        ),
      );
      return { items: page.PrefixLists ?? [], nextToken: page.NextToken };
    });

    for (const list of lists) {
      if (list.PrefixListId !== undefined && list.MaxEntries !== undefined) {
        weights.set(list.PrefixListId, list.MaxEntries);
      }
    }
  }
  return weights;
};
