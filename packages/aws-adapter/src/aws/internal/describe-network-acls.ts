import type { EC2Client } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import { isRight } from "fp-ts/lib/Either.js";
import { networkAclsFile } from "../../internal/codecs/network-acls-file.js";
import { formatDecodeErrors } from "../../local/format-decode-errors.js";
import { networkAclOf } from "../../local/internal/network-acl-of.js";
import type { NetworkAcl } from "../../local/network-acl.js";
import { allPages } from "./all-pages.js";
import { awsRead, responseFailure } from "./aws-read.js";

const PAGE_SIZE = 1000;

/**
 * Every network ACL of the Region, every page, decoded with the same codec as an exported
 * `network-acls.json` so live and offline reads label the same entries the same way.
 */
export const describeNetworkAcls = async (ec2: EC2Client): Promise<NetworkAcl[]> => {
  const acls = await allPages("DescribeNetworkAcls", async (NextToken) => {
    const page = await awsRead("DescribeNetworkAcls", () =>
      ec2.send(new (ec2Sdk().DescribeNetworkAclsCommand)({ MaxResults: PAGE_SIZE, NextToken })),
    );
    return {
      items: page.NetworkAcls ?? [],
      ...(page.NextToken ? { nextToken: page.NextToken } : {}),
    };
  });

  const decoded = networkAclsFile.decode({ NetworkAcls: acls });
  if (!isRight(decoded)) {
    const problems = formatDecodeErrors("DescribeNetworkAcls", decoded.left).slice(0, 3);
    throw responseFailure("DescribeNetworkAcls", problems.join("; "));
  }
  return decoded.right.NetworkAcls.map(networkAclOf);
};
