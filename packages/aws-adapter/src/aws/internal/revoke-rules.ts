import type { RevokeSecurityGroupIngressCommandInput } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import { describeRule, type Rule } from "@sg/core";
import { RuleWriteError } from "../../ports/rule-write-error.js";
import { ipPermissionOf } from "./ip-permission.js";
import { settledWrite } from "./settled-write.js";
import type { WriteContext } from "./write-context.js";

/**
 * The request that removes `rules`: by `SecurityGroupRuleIds` when every rule has its
 * id, the form AWS recommends, else by value (EC2 matches protocol, ports and source).
 * EC2 takes one form or the other in a call, never both.
 */
export const revokeRequest = (
  groupId: string,
  rules: readonly Rule[],
): RevokeSecurityGroupIngressCommandInput => {
  const ids = rules.flatMap((rule) => (rule.ruleId === undefined ? [] : [rule.ruleId]));
  return ids.length === rules.length
    ? { GroupId: groupId, SecurityGroupRuleIds: ids }
    : { GroupId: groupId, IpPermissions: rules.map(ipPermissionOf) };
};

/**
 * Removes the rules from the group in one RevokeSecurityGroupIngress call. In a default
 * VPC EC2 revokes what matches and returns the rest as unknown instead of failing; that
 * is reported as `InvalidPermission.NotFound`, naming what was not there.
 */
export const revokeRules = async (
  context: WriteContext,
  groupId: string,
  rules: readonly Rule[],
): Promise<void> => {
  if (rules.length === 0) return;

  const send = async (): Promise<void> => {
    const answer = await context.ec2.send(
      new (ec2Sdk().RevokeSecurityGroupIngressCommand)(revokeRequest(groupId, rules)),
    );
    const unknown = answer.UnknownIpPermissions ?? [];
    if (unknown.length > 0) {
      throw new RuleWriteError(
        "InvalidPermission.NotFound",
        groupId,
        rules,
        `${unknown.length} of the ${rules.length} rules were not in ${groupId} ` +
          `(${rules.map(describeRule).join("; ")}); EC2 revoked the others`,
      );
    }
  };

  await settledWrite(context, {
    action: "RevokeSecurityGroupIngress",
    groupId,
    rules,
    effect: "absent",
    send,
    settled: () => undefined,
    doneCodes: new Set(["InvalidPermission.NotFound", "InvalidSecurityGroupRuleId.NotFound"]),
  });
};
