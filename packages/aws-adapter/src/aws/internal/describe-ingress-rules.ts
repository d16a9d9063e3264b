import type { EC2Client, SecurityGroupRule } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import {
  securityGroupRulesFile,
  type SecurityGroupRuleEntry,
} from "../../internal/codecs/security-group-rules-file.js";
import { allPages } from "./all-pages.js";
import { awsRead } from "./aws-read.js";
import { decodeResponse } from "./decode-response.js";
import { filterChunks } from "./filter-chunks.js";

const OPERATION = "DescribeSecurityGroupRules";

/**
 * Every inbound rule of the account's groups, or of `groupIds` only, one entry per source
 * with its `sgr-` id, read page by page and checked with the offline mode's codec. EC2
 * has no direction filter, so outbound rules are read and dropped here.
 */
export const describeIngressRules = async (
  ec2: EC2Client,
  pageSize: number,
  groupIds?: readonly string[],
): Promise<SecurityGroupRuleEntry[]> => {
  const rules: SecurityGroupRule[] = [];
  for (const Filters of filterChunks("group-id", groupIds)) {
    const listed = await allPages(OPERATION, async (NextToken) => {
      const page = await awsRead(OPERATION, () =>
        ec2.send(
          new (ec2Sdk().DescribeSecurityGroupRulesCommand)({
            ...(Filters.length === 0 ? {} : { Filters }),
            MaxResults: pageSize,
            ...(NextToken === undefined ? {} : { NextToken }),
          }),
        ),
      );
      return { items: page.SecurityGroupRules ?? [], nextToken: page.NextToken };
    });
    rules.push(...listed);
  }

  const inbound = rules.filter((rule) => rule.IsEgress !== true);
  return decodeResponse(OPERATION, securityGroupRulesFile, { SecurityGroupRules: inbound })
    .SecurityGroupRules;
};
