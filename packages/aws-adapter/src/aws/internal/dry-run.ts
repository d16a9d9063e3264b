import { ec2Sdk } from "./sdk.js";
import type { DryRunCall, GroupRuleChanges } from "../group-rule-changes.js";
import { authoriseRequest } from "./authorise-rules.js";
import { revokeRequest } from "./revoke-rules.js";
import { sdkFailure } from "./sdk-failure.js";
import type { WriteContext } from "./write-context.js";

const AUTHORISE = "AuthorizeSecurityGroupIngress" as const;
const REVOKE = "RevokeSecurityGroupIngress" as const;

/** EC2's answer to a permitted dry run. */
const PERMITTED = "DryRunOperation";

/** EC2's answer to a dry run the caller is not allowed to make. */
const DENIED = "UnauthorizedOperation";

const verdictOf = async (
  call: Omit<DryRunCall, "verdict">,
  send: () => Promise<unknown>,
): Promise<DryRunCall> => {
  try {
    await send();
    return { ...call, verdict: "permitted" };
  } catch (error) {
    const { code, message } = sdkFailure(error);
    if (code === PERMITTED) return { ...call, verdict: "permitted" };

    return { ...call, verdict: code === DENIED ? "denied" : "failed", code, message };
  }
};

/**
 * Sends every call that applying `changes` would make, with `DryRun=true` and exactly the
 * parameters apply would use (tags included, since tagging needs its own permission), and
 * reports EC2's verdict on each. Nothing is changed. Calls are made one at a time, in
 * apply's order: per group, the authorise and then the revoke.
 */
export const dryRunCalls = async (
  context: WriteContext,
  changes: readonly GroupRuleChanges[],
): Promise<DryRunCall[]> => {
  const calls: DryRunCall[] = [];
  for (const { groupId, authorise, revoke } of changes) {
    if (authorise.length > 0) {
      const input = { ...authoriseRequest(context, groupId, authorise), DryRun: true };
      const call = { groupId, action: AUTHORISE, rules: authorise.length };
      calls.push(
        await verdictOf(call, () =>
          context.ec2.send(new (ec2Sdk().AuthorizeSecurityGroupIngressCommand)(input)),
        ),
      );
    }
    if (revoke.length > 0) {
      const input = { ...revokeRequest(groupId, revoke), DryRun: true };
      const call = { groupId, action: REVOKE, rules: revoke.length };
      calls.push(
        await verdictOf(call, () =>
          context.ec2.send(new (ec2Sdk().RevokeSecurityGroupIngressCommand)(input)),
        ),
      );
    }
  }
  return calls;
};
