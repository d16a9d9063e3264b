import type { EC2Client } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import type { SecurityGroup } from "@sg/core";
import { allPages } from "./all-pages.js";
import { awsRead, responseFailure } from "./aws-read.js";
import { filterChunks } from "./filter-chunks.js";

const OPERATION = "DescribeSecurityGroups";

/** A group as the inventory names it: id, name, VPC and owner, before its rules are known. */
export type GroupHeading = Omit<SecurityGroup, "rules">;

/**
 * The account's security groups, or those of `groupIds` that exist, read page by page for
 * their names, VPCs and owners. Their rules come from DescribeSecurityGroupRules, which
 * also carries the rule ids. A filter is used rather than `GroupIds`, so a group deleted
 * since is simply absent instead of failing the read.
 */
export const describeGroups = async (
  ec2: EC2Client,
  pageSize: number,
  groupIds?: readonly string[],
): Promise<GroupHeading[]> => {
  const headings: GroupHeading[] = [];
  for (const Filters of filterChunks("group-id", groupIds)) {
    const listed = await allPages(OPERATION, async (NextToken) => {
      const page = await awsRead(OPERATION, () =>
        ec2.send(
          new (ec2Sdk().DescribeSecurityGroupsCommand)({
            ...(Filters.length === 0 ? {} : { Filters }),
            MaxResults: pageSize,
            ...(NextToken === undefined ? {} : { NextToken }),
          }),
        ),
      );
      return { items: page.SecurityGroups ?? [], nextToken: page.NextToken };
    });

    for (const group of listed) {
      if (group.GroupId === undefined) throw responseFailure(OPERATION, "a group with no GroupId");
      headings.push({
        groupId: group.GroupId,
        ...(group.GroupName === undefined ? {} : { groupName: group.GroupName }),
        ...(group.VpcId === undefined ? {} : { vpcId: group.VpcId }),
        ...(group.OwnerId === undefined ? {} : { ownerId: group.OwnerId }),
      });
    }
  }
  return headings;
};
