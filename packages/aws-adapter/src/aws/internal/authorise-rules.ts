import type { AuthorizeSecurityGroupIngressCommandInput } from "@aws-sdk/client-ec2";
import { ec2Sdk } from "./sdk.js";
import type { Rule } from "@sg/core";
import { securityGroupRulesFile } from "../../internal/codecs/security-group-rules-file.js";
import { decodeResponse } from "./decode-response.js";
import { groupState, heldInOrder, weightsOf } from "./group-state.js";
import { ipPermissionOf } from "./ip-permission.js";
import { rulesOf } from "./rules-of.js";
import { settledWrite } from "./settled-write.js";
import type { WriteContext } from "./write-context.js";

const ACTION = "AuthorizeSecurityGroupIngress";

/** The request that adds `rules` to the group: one permission per rule, tags on each. */
export const authoriseRequest = (
  context: WriteContext,
  groupId: string,
  rules: readonly Rule[],
): AuthorizeSecurityGroupIngressCommandInput => {
  const tags = Object.entries(context.ruleTags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return {
    GroupId: groupId,
    IpPermissions: rules.map(ipPermissionOf),
    ...(tags.length === 0
      ? {}
      : { TagSpecifications: [{ ResourceType: "security-group-rule", Tags: tags }] }),
  };
};

/**
 * Adds the rules to the group in one AuthorizeSecurityGroupIngress call and returns them
 * as EC2 now holds them, with their new `sgr-` ids, in the order asked. When the answer
 * lists no rules the group is read again for them. See `settledWrite` for failures.
 */
export const authoriseRules = async (
  context: WriteContext,
  groupId: string,
  rules: readonly Rule[],
): Promise<Rule[]> => {
  if (rules.length === 0) return [];

  const settled = (held: readonly Rule[]): Rule[] => heldInOrder(rules, held);
  const send = async (): Promise<Rule[]> => {
    const answer = await context.ec2.send(
      new (ec2Sdk().AuthorizeSecurityGroupIngressCommand)(
        authoriseRequest(context, groupId, rules),
      ),
    );
    const listed = (answer.SecurityGroupRules ?? []).filter((rule) => rule.IsEgress !== true);
    if (listed.length === 0) {
      return settled((await groupState(context, groupId, rules, "present")).held);
    }

    const entries = decodeResponse(ACTION, securityGroupRulesFile, { SecurityGroupRules: listed });
    return settled(rulesOf(entries.SecurityGroupRules, weightsOf(rules)));
  };

  return settledWrite(context, {
    action: ACTION,
    groupId,
    rules,
    effect: "present",
    send,
    settled,
    doneCodes: new Set(["InvalidPermission.Duplicate"]),
  });
};
