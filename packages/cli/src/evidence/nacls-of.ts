import type { NetworkAcl } from "@sg/aws-adapter";
import type { NaclEntry, SubnetNacl } from "@sg/core";

/**
 * The network ACLs an estate adapter read, as the core evaluates them: each ACL's id, its
 * subnets and its entries, with only the fields that decide traffic.
 */
export const naclsOf = (acls: readonly NetworkAcl[]): SubnetNacl[] =>
  acls.map((acl) => ({
    networkAclId: acl.networkAclId,
    subnetIds: [...acl.subnetIds],
    entries: acl.entries.map((entry): NaclEntry => ({
      ruleNumber: entry.ruleNumber,
      protocol: entry.protocol,
      ruleAction: entry.ruleAction,
      egress: entry.egress,
      ...(entry.cidrBlock === undefined ? {} : { cidrBlock: entry.cidrBlock }),
      ...(entry.ipv6CidrBlock === undefined ? {} : { ipv6CidrBlock: entry.ipv6CidrBlock }),
      ...(entry.portRange === undefined ? {} : { portRange: entry.portRange }),
      ...(entry.icmpTypeCode === undefined ? {} : { icmpTypeCode: entry.icmpTypeCode }),
    })),
  }));
