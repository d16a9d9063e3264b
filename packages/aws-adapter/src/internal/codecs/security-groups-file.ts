import * as t from "io-ts";
import { ipv4CidrText, ipv6CidrText, protocolText } from "./parsed-text.js";
import { list, record } from "./shapes.js";

const described = { Description: t.string };

const ipRange = record("IpRange", { CidrIp: ipv4CidrText }, described);
const ipv6Range = record("Ipv6Range", { CidrIpv6: ipv6CidrText }, described);
const prefixListId = record("PrefixListId", { PrefixListId: t.string }, described);

const userIdGroupPair = record(
  "UserIdGroupPair",
  { GroupId: t.string },
  {
    ...described,
    UserId: t.string,
    VpcId: t.string,
    VpcPeeringConnectionId: t.string,
    PeeringStatus: t.string,
  },
);

/** One IpPermission: a protocol and port range, and the sources it admits. */
export const ipPermission = record(
  "IpPermission",
  { IpProtocol: protocolText },
  {
    FromPort: t.number,
    ToPort: t.number,
    IpRanges: list(ipRange),
    Ipv6Ranges: list(ipv6Range),
    PrefixListIds: list(prefixListId),
    UserIdGroupPairs: list(userIdGroupPair),
  },
);

/** A decoded IpPermission. */
export type IpPermission = t.TypeOf<typeof ipPermission>;

/** One entry of `SecurityGroups`, decoded alone when a call has changed that group. */
export const securityGroupEntry = record(
  "SecurityGroup",
  { GroupId: t.string, IpPermissions: list(ipPermission) },
  { GroupName: t.string, VpcId: t.string, OwnerId: t.string, Description: t.string },
);

/** A decoded security group; egress and tags are not modelled and stay in the raw JSON. */
export type SecurityGroupEntry = t.TypeOf<typeof securityGroupEntry>;

/** `security-groups.json`: the output of `aws ec2 describe-security-groups`. */
export const securityGroupsFile = record(
  "DescribeSecurityGroups output",
  { SecurityGroups: list(securityGroupEntry) },
  {},
);
