import type { EC2Client } from "@aws-sdk/client-ec2";
import { compareRules, type Inventory, type Rule } from "@sg/core";
import type { SecurityGroupRuleEntry } from "../../internal/codecs/security-group-rules-file.js";
import type { AwsClients } from "./clients.js";
import { describeAroundGroups, type EstateListing } from "./describe-around-groups.js";
import { describeGroups } from "./describe-groups.js";
import { describeIngressRules } from "./describe-ingress-rules.js";
import { describeInterfaces } from "./describe-interfaces.js";
import { prefixListWeights } from "./prefix-list-weights.js";
import { ruleQuota, type RuleQuota } from "./rule-quota.js";
import { rulesOf } from "./rules-of.js";

/** What one read of the live estate asks for. */
export interface InventoryScope {
  readonly pageSize: number;
  readonly groupIds?: readonly string[];
  /** With `groupIds`: their neighbours too (see {@link describeAroundGroups}). */
  readonly neighbours?: boolean;
  readonly quota?: number;
}

/**
 * Reads the live estate into the core model: groups with their inbound rules (one per
 * source, each with its `sgr-` id), the interfaces, prefix lists weighed by their maximum
 * entries, and the rule quota. Groups, rules and interfaces come out in a fixed order
 * (by id, {@link compareRules}, by id) whatever order the API pages them in.
 */
export const readInventory = async (
  { ec2, quotas }: AwsClients,
  scope: InventoryScope,
): Promise<{ readonly inventory: Inventory; readonly quota: RuleQuota }> => {
  const [{ headings, entries, interfaces }, quota] = await Promise.all([
    scope.neighbours === true && scope.groupIds !== undefined
      ? describeAroundGroups(ec2, scope.pageSize, scope.groupIds)
      : describeScope(ec2, scope.pageSize, scope.groupIds),
    ruleQuota(quotas, scope.quota),
  ]);

  const weights = await prefixListWeights(ec2, referencedPrefixLists(entries));
  const rules = rulesOf(entries, weights);

  const byGroup = new Map<string, Rule[]>();
  for (const rule of rules) {
    const held = byGroup.get(rule.groupId);
    if (held === undefined) byGroup.set(rule.groupId, [rule]);
    else held.push(rule);
  }
  const groups = headings
    .map((heading) => ({
      ...heading,
      rules: (byGroup.get(heading.groupId) ?? []).sort(compareRules),
    }))
    .sort((a, b) => compareIds(a.groupId, b.groupId));
  return {
    inventory: {
      groups,
      interfaces: interfaces.sort((a, b) => compareIds(a.interfaceId, b.interfaceId)),
      defaultQuota: quota.quota,
    },
    quota,
  };
};

/** The groups (all, or `groupIds`), their inbound rules and the interfaces they are on. */
const describeScope = async (
  ec2: EC2Client,
  pageSize: number,
  groupIds: readonly string[] | undefined,
): Promise<EstateListing> => {
  const [headings, entries, interfaces] = await Promise.all([
    describeGroups(ec2, pageSize, groupIds),
    describeIngressRules(ec2, pageSize, groupIds),
    describeInterfaces(ec2, pageSize, groupIds),
  ]);
  return { headings, entries, interfaces };
};

/** The ids of the prefix lists the rules reference, each once. */
const referencedPrefixLists = (entries: readonly SecurityGroupRuleEntry[]): string[] => [
  ...new Set(entries.flatMap((entry) => (entry.PrefixListId ? [entry.PrefixListId] : []))),
];

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
