import type { Inventory, SecurityGroup } from "@sg/core";
import { join } from "node:path";
import { ESTATE_FILES } from "../estate-files.js";
import { managedPrefixListsFile } from "../../internal/codecs/managed-prefix-lists-file.js";
import { networkInterfacesFile } from "../../internal/codecs/network-interfaces-file.js";
import { securityGroupRulesFile } from "../../internal/codecs/security-group-rules-file.js";
import {
  securityGroupsFile,
  type SecurityGroupEntry,
} from "../../internal/codecs/security-groups-file.js";
import { decodeEstateFile } from "./decode-estate-file.js";
import type { EstateDocuments } from "./estate-documents.js";
import { interfaceOf } from "../../internal/interface-entry.js";
import { matchRuleIds } from "./match-rule-ids.js";
import { permissionRules, type PrefixListWeights } from "../../internal/permission-rules.js";

/** The rule quota the estate is read with: a default and per-group overrides. */
export interface EstateQuota {
  readonly defaultQuota: number;
  readonly quotaByGroup?: Readonly<Record<string, number>>;
}

/** The estate as the tool models it, plus what the writer needs to keep the files true. */
export interface EstateModel {
  readonly inventory: Inventory;
  readonly groups: ReadonlyMap<string, SecurityGroup>;
  /** Whether the estate records rule ids (a rules file is present). */
  readonly tracksRuleIds: boolean;
  /** Every `sgr-` id in use, inbound or outbound, so new ids never collide. */
  readonly ruleIds: ReadonlySet<string>;
  readonly weights: PrefixListWeights;
}

/**
 * Decodes and normalises the estate documents into the core model: one rule per source,
 * ids matched from the rules file when present, prefix lists weighted by max entries.
 */
export const estateModel = (
  directory: string,
  documents: EstateDocuments,
  quota: EstateQuota,
): EstateModel => {
  const weights = prefixListWeights(directory, documents.managedPrefixLists);
  const groupsFile = decodeEstateFile(
    directory,
    ESTATE_FILES.securityGroups,
    securityGroupsFile,
    documents.securityGroups,
  );
  const interfacesFile = decodeEstateFile(
    directory,
    ESTATE_FILES.networkInterfaces,
    networkInterfacesFile,
    documents.networkInterfaces,
  );

  const unnamed = groupsFile.SecurityGroups.map((group) => groupOf(group, weights));
  const rules = ruleEntries(directory, documents.securityGroupRules);
  const rulesPath = join(directory, ESTATE_FILES.securityGroupRules.name);
  const groups = rules === undefined ? unnamed : matchRuleIds(unnamed, rules, weights, rulesPath);

  return {
    inventory: {
      groups,
      interfaces: interfacesFile.NetworkInterfaces.map(interfaceOf),
      ...quota,
    },
    groups: new Map(groups.map((group) => [group.groupId, group])),
    tracksRuleIds: rules !== undefined,
    ruleIds: new Set((rules ?? []).map((entry) => entry.SecurityGroupRuleId)),
    weights,
  };
};

/** The model of one decoded group: its inbound rules, one per source, without ids yet. */
export const groupOf = (group: SecurityGroupEntry, weights: PrefixListWeights): SecurityGroup => ({
  groupId: group.GroupId,
  ...(group.GroupName === undefined ? {} : { groupName: group.GroupName }),
  ...(group.VpcId === undefined ? {} : { vpcId: group.VpcId }),
  ...(group.OwnerId === undefined ? {} : { ownerId: group.OwnerId }),
  rules: group.IpPermissions.flatMap((permission) =>
    permissionRules(group.GroupId, permission, weights),
  ),
});

const ruleEntries = (directory: string, document: unknown) =>
  document === undefined
    ? undefined
    : decodeEstateFile(directory, ESTATE_FILES.securityGroupRules, securityGroupRulesFile, document)
        .SecurityGroupRules;

const prefixListWeights = (directory: string, document: unknown): PrefixListWeights => {
  if (document === undefined) return new Map();

  const file = ESTATE_FILES.managedPrefixLists;
  const lists = decodeEstateFile(directory, file, managedPrefixListsFile, document).PrefixLists;
  return new Map(
    lists.flatMap((list) =>
      list.MaxEntries === undefined ? [] : [[list.PrefixListId, list.MaxEntries] as const],
    ),
  );
};
