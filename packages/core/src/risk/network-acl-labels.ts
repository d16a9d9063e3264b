import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { Ipv6Cidr } from "../address/ipv6-cidr.js";
import { formatCidr } from "../address/cidr.js";
import { DEFAULT_ELIGIBILITY_THRESHOLD } from "../rule/eligibility.js";
import type { Protocol } from "../rule/protocol.js";
import { formatTraffic } from "../rule/rule-key.js";
import type { PortRange } from "../rule/rule.js";
import { adminPortsReached, formatAdminPort } from "./admin-ports.js";
import { addressesTrusted, exposureOf } from "./exposure.js";
import { shadowedByDeny } from "./internal/nacl-shadow.js";
import type { FindingScope } from "./rule-finding.js";

/** One network ACL entry as the labeller needs it (the adapter's entries fit this shape). */
export interface NetworkAclEntryView {
  readonly ruleNumber: number;
  readonly protocol: Protocol;
  readonly ruleAction: "allow" | "deny";
  readonly egress: boolean;
  readonly cidrBlock?: Ipv4Cidr;
  readonly ipv6CidrBlock?: Ipv6Cidr;
  readonly portRange?: PortRange;
}

/** A network ACL as the labeller needs it. */
export interface NetworkAclView {
  readonly networkAclId: string;
  readonly vpcId?: string;
  readonly isDefault?: boolean;
  readonly subnetIds: readonly string[];
  readonly entries: readonly NetworkAclEntryView[];
}

/**
 * What an inbound NACL entry lets in: `allow-all` (every protocol from the internet),
 * `internet-admin-ports` (the internet on an admin or database port), or `broad-private`
 * (a whole or broad RFC 1918 block). NACLs are reported beside the groups; sg-tightener
 * never changes them.
 */
export type NaclLabel = "allow-all" | "internet-admin-ports" | "broad-private";

/** One labelled entry of a NACL. */
export interface NaclEntryLabel {
  readonly label: NaclLabel;
  readonly ruleNumber: number;
  readonly traffic: string;
  readonly source: string;
  readonly addressesTrusted: number;
  readonly adminPorts: readonly string[];
}

/** A NACL with its labelled inbound entries (none when nothing stands out). */
export interface LabelledNetworkAcl extends FindingScope {
  readonly networkAclId: string;
  readonly vpcId?: string;
  readonly isDefault: boolean;
  readonly subnetIds: readonly string[];
  readonly labels: readonly NaclEntryLabel[];
}

/**
 * Labels the inbound allow entries of a NACL in evaluation order. An entry is skipped when
 * an earlier deny entry already refuses all the traffic it would allow (first match
 * wins). Outbound entries are not labelled: the tool is about who may connect in.
 */
export const labelNetworkAcl = (
  acl: NetworkAclView,
  threshold: number = DEFAULT_ELIGIBILITY_THRESHOLD,
  scope: FindingScope = {},
): LabelledNetworkAcl => {
  const inbound = acl.entries
    .filter((entry) => !entry.egress)
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  const labels = inbound.flatMap((entry, index) => {
    if (entry.ruleAction !== "allow" || shadowedByDeny(entry, inbound.slice(0, index))) return [];
    const label = labelOf(entry, threshold);
    return label === undefined ? [] : [label];
  });

  return {
    ...scope,
    networkAclId: acl.networkAclId,
    ...(acl.vpcId === undefined ? {} : { vpcId: acl.vpcId }),
    isDefault: acl.isDefault ?? false,
    subnetIds: [...acl.subnetIds],
    labels,
  };
};

const labelOf = (entry: NetworkAclEntryView, threshold: number): NaclEntryLabel | undefined => {
  const cidr = entry.cidrBlock ?? entry.ipv6CidrBlock;
  if (cidr === undefined) return undefined;

  const exposure = exposureOf(cidr, threshold);
  const admin = adminPortsReached(entry.protocol, entry.portRange);
  const label: NaclLabel | undefined =
    exposure === "internet" && entry.protocol === -1
      ? "allow-all"
      : exposure === "internet" && admin.length > 0
        ? "internet-admin-ports"
        : exposure === "private-block" || exposure === "broad-private"
          ? "broad-private"
          : undefined;
  if (label === undefined) return undefined;

  return {
    label,
    ruleNumber: entry.ruleNumber,
    traffic: formatTraffic({ protocol: entry.protocol, ports: entry.portRange }),
    source: formatCidr(cidr),
    addressesTrusted: addressesTrusted(cidr),
    adminPorts: label === "internet-admin-ports" ? admin.map(formatAdminPort) : [],
  };
};
