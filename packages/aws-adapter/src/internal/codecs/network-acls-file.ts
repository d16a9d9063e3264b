import * as t from "io-ts";
import { ipv4CidrText, ipv6CidrText, protocolText } from "./parsed-text.js";
import { list, record } from "./shapes.js";

const entry = record(
  "NetworkAclEntry",
  {
    RuleNumber: t.number,
    Protocol: protocolText,
    RuleAction: t.keyof({ allow: null, deny: null }, '"allow" or "deny"'),
    Egress: t.boolean,
  },
  {
    CidrBlock: ipv4CidrText,
    Ipv6CidrBlock: ipv6CidrText,
    PortRange: record("PortRange", { From: t.number, To: t.number }, {}),
    IcmpTypeCode: record("IcmpTypeCode", { Type: t.number, Code: t.number }, {}),
  },
);

/** A decoded NACL entry. */
export type NetworkAclEntryRecord = t.TypeOf<typeof entry>;

const association = record(
  "NetworkAclAssociation",
  { SubnetId: t.string },
  { NetworkAclAssociationId: t.string },
);

const networkAcl = record(
  "NetworkAcl",
  { NetworkAclId: t.string, Entries: list(entry) },
  { VpcId: t.string, IsDefault: t.boolean, Associations: list(association) },
);

/** A decoded network ACL. */
export type NetworkAclRecord = t.TypeOf<typeof networkAcl>;

/** `network-acls.json`: the output of `aws ec2 describe-network-acls`. */
export const networkAclsFile = record(
  "DescribeNetworkAcls output",
  { NetworkAcls: list(networkAcl) },
  {},
);
