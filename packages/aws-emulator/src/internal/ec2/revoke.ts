import { err, ok, type Result } from "@sg/core";
import type { AwsIpPermission } from "../../estate-files.js";
import { apiError, missingParameter, type ApiError } from "../api-error.js";
import { scalarList } from "../form.js";
import { explodePermission } from "../permission.js";
import { permissionsOf } from "../permissions-of.js";
import { ruleIdentity, ruleToRevoked, type RuleRecord } from "../rule-record.js";
import type { Ec2Handler } from "./ec2-context.js";
import { requestPermissions } from "./request-permissions.js";
import { targetGroup } from "./target-group.js";

interface Selection {
  readonly revoked: readonly RuleRecord[];
  readonly unknown: readonly AwsIpPermission[];
}

const byIds = (ids: readonly string[], own: readonly RuleRecord[]): Result<Selection, ApiError> => {
  const revoked: RuleRecord[] = [];
  for (const id of ids) {
    const rule = own.find((candidate) => candidate.ruleId === id);
    if (rule === undefined) {
      return err(
        apiError(
          "InvalidSecurityGroupRuleId.NotFound",
          `The security group rule ID '${id}' does not exist`,
        ),
      );
    }
    revoked.push(rule);
  }
  return ok({ revoked, unknown: [] });
};

const byPermissions = (
  permissions: readonly AwsIpPermission[],
  own: readonly RuleRecord[],
  target: { readonly groupId: string; readonly isEgress: boolean },
  lenient: boolean,
): Result<Selection, ApiError> => {
  const revoked: RuleRecord[] = [];
  const unmatched: RuleRecord[] = [];
  for (const permission of permissions) {
    const rules = explodePermission(permission, target, []);
    if (!rules.ok) return rules;
    for (const candidate of rules.value) {
      const rule = own.find((stored) => ruleIdentity(stored) === ruleIdentity(candidate));
      if (rule) revoked.push(rule);
      else unmatched.push({ ...candidate, ruleId: "" });
    }
  }

  if (unmatched.length > 0 && !lenient) {
    return err(
      apiError(
        "InvalidPermission.NotFound",
        "The specified rule does not exist in this security group.",
      ),
    );
  }
  return ok({ revoked, unknown: permissionsOf(unmatched) });
};

const exactlyOne = (byId: boolean, byPermission: boolean): Result<void, ApiError> => {
  if (byId && byPermission) {
    return err(
      apiError(
        "InvalidParameterCombination",
        "The parameter SecurityGroupRuleIds cannot be used with the parameter IpPermissions",
      ),
    );
  }
  return byId || byPermission
    ? ok(undefined)
    : err(missingParameter("IpPermissions or SecurityGroupRuleIds"));
};

/**
 * RevokeSecurityGroupIngress (or Egress), by `SecurityGroupRuleId.N` or by permissions
 * matched on protocol, ports and source (descriptions ignored). In a non-default VPC
 * anything unmatched fails the call and nothing is revoked; in a default VPC unmatched
 * permissions come back in `UnknownIpPermissions` and the rest are revoked.
 */
export const revokeHandler =
  (isEgress: boolean): Ec2Handler =>
  (form, { store, defaultVpcIds }) => {
    const group = targetGroup(form, store);
    if (!group.ok) return group;

    const ids = scalarList(form, "SecurityGroupRuleId");
    const permissions = requestPermissions(form);
    if (!permissions.ok) return permissions;
    const chosen = exactlyOne(ids.length > 0, permissions.value.length > 0);
    if (!chosen.ok) return chosen;

    const groupId = group.value.GroupId;
    const own = store.rules.filter(
      (rule) => rule.groupId === groupId && rule.isEgress === isEgress,
    );
    const lenient = group.value.VpcId === undefined || defaultVpcIds.has(group.value.VpcId);
    const selection =
      ids.length > 0
        ? byIds(ids, own)
        : byPermissions(permissions.value, own, { groupId, isEgress }, lenient);
    if (!selection.ok) return selection;

    store.removeRules(new Set(selection.value.revoked.map((rule) => rule.ruleId)));
    return ok({
      Return: true,
      RevokedSecurityGroupRules: selection.value.revoked.map(ruleToRevoked),
      ...(selection.value.unknown.length > 0 && {
        UnknownIpPermissions: selection.value.unknown,
      }),
    });
  };
