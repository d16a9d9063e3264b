import * as t from "io-ts";
import { ipv4CidrText, ipv6CidrText, protocolText } from "./parsed-text.js";
import { list, record, tags } from "./shapes.js";

const referencedGroup = record(
  "ReferencedSecurityGroup",
  { GroupId: t.string },
  { UserId: t.string, VpcId: t.string, VpcPeeringConnectionId: t.string, PeeringStatus: t.string },
);

const securityGroupRule = record(
  "SecurityGroupRule",
  {
    SecurityGroupRuleId: t.string,
    GroupId: t.string,
    IsEgress: t.boolean,
    IpProtocol: protocolText,
  },
  {
    GroupOwnerId: t.string,
    FromPort: t.number,
    ToPort: t.number,
    CidrIpv4: ipv4CidrText,
    CidrIpv6: ipv6CidrText,
    PrefixListId: t.string,
    ReferencedGroupInfo: referencedGroup,
    Description: t.string,
    Tags: tags,
  },
);

/** A decoded entry of `security-group-rules.json`. */
export type SecurityGroupRuleEntry = t.TypeOf<typeof securityGroupRule>;

/** `security-group-rules.json`: the output of `aws ec2 describe-security-group-rules`. */
export const securityGroupRulesFile = record(
  "DescribeSecurityGroupRules output",
  { SecurityGroupRules: list(securityGroupRule) },
  {},
);
