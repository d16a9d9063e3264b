import { describeRule, type Rule, type SecurityGroup } from "@sg/core";
import { RuleWriteError } from "../../ports/rule-write-error.js";
import { checkedRequest } from "./checked-request.js";
import { withPermissionsAdded } from "./edit-groups-document.js";
import { withRuleEntries } from "./edit-rules-document.js";
import type { EstateDocuments } from "./estate-documents.js";
import type { EstateModel } from "./estate-model.js";
import { newRuleId } from "./new-rule-id.js";
import { prefixListSource } from "../../internal/permission-rules.js";
import { quotaUsage } from "./quota-usage.js";
import { ruleEntryJson } from "../../internal/rule-entry.js";
import { ruleMatchKey } from "../../internal/rule-match-key.js";

/** The documents after an authorise call, and the rules it added as the estate holds them. */
export interface AuthoriseOutcome {
  readonly documents: EstateDocuments;
  readonly added: readonly Rule[];
}

/**
 * Adds the rules to the group in every document that records rules, or throws the
 * {@link RuleWriteError} EC2 would return, changing nothing: an unknown group, a rule the
 * group already has, or a group pushed over its quota in either address family.
 */
export const authoriseInDocuments = (
  model: EstateModel,
  documents: EstateDocuments,
  groupId: string,
  rules: readonly Rule[],
): AuthoriseOutcome => {
  const group = existingGroup(model, groupId, rules);
  const requested = checkedRequest(groupId, rules).map((rule) => weighed(unnamed(rule), model));

  const existing = new Set(group.rules.map(ruleMatchKey));
  const duplicate = requested.find((rule) => existing.has(ruleMatchKey(rule)));
  if (duplicate !== undefined) {
    const text = `the specified rule "${describeRule(duplicate)}" already exists in ${groupId}`;
    throw new RuleWriteError("InvalidPermission.Duplicate", groupId, rules, text);
  }

  checkQuota(model, group, requested, rules);

  const taken = new Set(model.ruleIds);
  const added = requested.map((rule) => {
    if (!model.tracksRuleIds) return rule;
    const ruleId = newRuleId(rule, taken);
    taken.add(ruleId);
    return { ...rule, ruleId };
  });

  const entries = added.map((rule) => ruleEntryJson(rule, rule.ruleId ?? "", group.ownerId));
  return {
    documents: {
      ...documents,
      securityGroups: withPermissionsAdded(documents.securityGroups, groupId, added),
      ...(documents.securityGroupRules === undefined
        ? {}
        : {
            securityGroupRules: withRuleEntries(documents.securityGroupRules, entries, new Set()),
          }),
    },
    added,
  };
};

/** The group a call names, or `InvalidGroup.NotFound` as EC2 reports it. */
export const existingGroup = (
  model: EstateModel,
  groupId: string,
  rules: readonly Rule[],
): SecurityGroup => {
  const group = model.groups.get(groupId);
  if (group === undefined) {
    const text = `The security group '${groupId}' does not exist in the estate`;
    throw new RuleWriteError("InvalidGroup.NotFound", groupId, rules, text);
  }
  return group;
};

/** A rule without the id it may have had elsewhere: EC2 names every new rule afresh. */
const unnamed = (rule: Rule): Rule => {
  const { ruleId: _elsewhere, ...rest } = rule;
  return rest;
};

/** A prefix-list rule weighed by the estate's own record of the list, when it has one. */
const weighed = (rule: Rule, model: EstateModel): Rule => {
  const { source } = rule;
  if (source.kind !== "prefix-list" || !model.weights.has(source.prefixListId)) return rule;

  return { ...rule, source: prefixListSource(source.prefixListId, model.weights) };
};

const checkQuota = (
  model: EstateModel,
  group: SecurityGroup,
  requested: readonly Rule[],
  rules: readonly Rule[],
): void => {
  const quota = model.inventory.quotaByGroup?.[group.groupId] ?? model.inventory.defaultQuota;
  const before = quotaUsage(group.rules);
  const after = quotaUsage([...group.rules, ...requested]);

  for (const family of ["ipv4", "ipv6"] as const) {
    if (after[family] > quota && after[family] > before[family]) {
      const text =
        `the maximum number of rules per security group has been reached: ${group.groupId} ` +
        `would count ${after[family]} ${family === "ipv4" ? "IPv4" : "IPv6"} rules against ` +
        `its quota of ${quota}`;
      throw new RuleWriteError("RulesPerSecurityGroupLimitExceeded", group.groupId, rules, text);
    }
  }
};
