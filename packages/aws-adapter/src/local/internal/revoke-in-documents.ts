import { describeRule, type Rule, type SecurityGroup } from "@sg/core";
import { RuleWriteError } from "../../ports/rule-write-error.js";
import { existingGroup } from "./authorise-in-documents.js";
import { checkedRequest } from "./checked-request.js";
import { withPermissionsRemoved } from "./edit-groups-document.js";
import { withRuleEntries } from "./edit-rules-document.js";
import type { EstateDocuments } from "./estate-documents.js";
import type { EstateModel } from "./estate-model.js";
import { ruleMatchKey } from "../../internal/rule-match-key.js";

/** The documents after a revoke call, and the rules it removed as the estate held them. */
export interface RevokeOutcome {
  readonly documents: EstateDocuments;
  readonly revoked: readonly Rule[];
}

/**
 * Removes the rules from the group in every document that records rules, or throws the
 * {@link RuleWriteError} EC2 would return, changing nothing: an unknown group, or any rule
 * the group does not have (`InvalidPermission.NotFound`, as in a non-default VPC).
 */
export const revokeInDocuments = (
  model: EstateModel,
  documents: EstateDocuments,
  groupId: string,
  rules: readonly Rule[],
): RevokeOutcome => {
  const group = existingGroup(model, groupId, rules);
  const requested = checkedRequest(groupId, rules);

  const found = requested.map((rule) => currentRule(model, group, rule));
  const missing = requested.filter((_rule, index) => found[index] === undefined);
  if (missing.length > 0) {
    const text = `${missing.map(describeRule).join("; ")}: no such rule in ${groupId}`;
    throw new RuleWriteError("InvalidPermission.NotFound", groupId, rules, text);
  }

  const revoked = found as Rule[];
  if (new Set(revoked).size < revoked.length) {
    const text = "the same rule must not be revoked twice in one call";
    throw new RuleWriteError("InvalidParameterValue", groupId, rules, text);
  }

  const ids = new Set(revoked.flatMap((rule) => (rule.ruleId === undefined ? [] : [rule.ruleId])));
  return {
    documents: {
      ...documents,
      securityGroups: withPermissionsRemoved(documents.securityGroups, groupId, revoked),
      ...(documents.securityGroupRules === undefined
        ? {}
        : { securityGroupRules: withRuleEntries(documents.securityGroupRules, [], ids) }),
    },
    revoked,
  };
};

/**
 * The group's rule that a revoked rule names: by id when both carry ids, else by what it
 * admits, since EC2 matches a revoked IpPermission by value.
 */
const currentRule = (model: EstateModel, group: SecurityGroup, rule: Rule): Rule | undefined =>
  model.tracksRuleIds && rule.ruleId !== undefined
    ? group.rules.find((candidate) => candidate.ruleId === rule.ruleId)
    : group.rules.find((candidate) => ruleMatchKey(candidate) === ruleMatchKey(rule));
