import { ICMP, ICMPV6, TCP, UDP } from "@sg/core";
import type { NetworkAcl, NetworkAclEntry } from "../network-acl.js";
import { ESTATE_FILES } from "../estate-files.js";
import {
  networkAclsFile,
  type NetworkAclEntryRecord,
  type NetworkAclRecord,
} from "../../internal/codecs/network-acls-file.js";
import { decodeEstateFile } from "./decode-estate-file.js";

/** The model of one exported network ACL, entries in evaluation order. */
export const networkAclOf = (record: NetworkAclRecord): NetworkAcl => ({
  networkAclId: record.NetworkAclId,
  ...(record.VpcId === undefined ? {} : { vpcId: record.VpcId }),
  ...(record.IsDefault === undefined ? {} : { isDefault: record.IsDefault }),
  entries: record.Entries.map(entryOf).sort(
    (a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber,
  ),
  subnetIds: (record.Associations ?? []).map((association) => association.SubnetId),
});

const entryOf = (entry: NetworkAclEntryRecord): NetworkAclEntry => {
  const { PortRange: ports, IcmpTypeCode: icmp, Protocol: protocol } = entry;
  const usesPorts = protocol === TCP || protocol === UDP;
  const usesIcmp = protocol === ICMP || protocol === ICMPV6;

  return {
    ruleNumber: entry.RuleNumber,
    protocol,
    ruleAction: entry.RuleAction,
    egress: entry.Egress,
    ...(entry.CidrBlock === undefined ? {} : { cidrBlock: entry.CidrBlock }),
    ...(entry.Ipv6CidrBlock === undefined ? {} : { ipv6CidrBlock: entry.Ipv6CidrBlock }),
    ...(usesPorts && ports !== undefined ? { portRange: { from: ports.From, to: ports.To } } : {}),
    ...(usesIcmp && icmp !== undefined
      ? { icmpTypeCode: { type: icmp.Type, code: icmp.Code } }
      : {}),
  };
};

/** The NACLs of `network-acls.json`, or `undefined` when the estate has no such file. */
export const networkAclsOf = (directory: string, document: unknown): NetworkAcl[] | undefined =>
  document === undefined
    ? undefined
    : decodeEstateFile(
        directory,
        ESTATE_FILES.networkAcls,
        networkAclsFile,
        document,
      ).NetworkAcls.map(networkAclOf);
