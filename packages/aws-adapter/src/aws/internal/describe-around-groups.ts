import type { EC2Client } from "@aws-sdk/client-ec2";
import type { NetworkInterface } from "@sg/core";
import type { SecurityGroupRuleEntry } from "../../internal/codecs/security-group-rules-file.js";
import { describeGroups, type GroupHeading } from "./describe-groups.js";
import { describeIngressRules } from "./describe-ingress-rules.js";
import { describeInterfaces } from "./describe-interfaces.js";

/** The groups, inbound rules and interfaces one read of the live estate lists. */
export interface EstateListing {
  readonly headings: GroupHeading[];
  readonly entries: SecurityGroupRuleEntry[];
  readonly interfaces: NetworkInterface[];
}

/**
 * What decides whether a source is already admitted to the interfaces of `groupIds`,
 * and nothing more: those interfaces; every group attached to them (the named ones and
 * their neighbours) with its inbound rules; and the interfaces of each group those rules
 * reference, whose addresses such a rule admits. Read in three steps, each filtered by
 * `group-id`, so an estate of thousands of groups costs a few small listings. Groups
 * named but absent are simply not listed.
 */
export const describeAroundGroups = async (
  ec2: EC2Client,
  pageSize: number,
  groupIds: readonly string[],
): Promise<EstateListing> => {
  const attached = await describeInterfaces(ec2, pageSize, groupIds);
  const around = [...new Set([...groupIds, ...attached.flatMap((nic) => nic.groupIds)])];

  const [headings, entries] = await Promise.all([
    describeGroups(ec2, pageSize, around),
    describeIngressRules(ec2, pageSize, around),
  ]);

  const named = new Set(groupIds);
  const referenced = entries
    .flatMap((entry) => (entry.ReferencedGroupInfo ? [entry.ReferencedGroupInfo.GroupId] : []))
    .filter((groupId) => !named.has(groupId));
  const sources = await describeInterfaces(ec2, pageSize, referenced);

  const interfaces = new Map([...attached, ...sources].map((nic) => [nic.interfaceId, nic]));
  return { headings, entries, interfaces: [...interfaces.values()] };
};
