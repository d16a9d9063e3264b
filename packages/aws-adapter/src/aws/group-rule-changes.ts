import type { Rule } from "@sg/core";

/**
 * The inbound rules one group gains and loses in one step of apply: one authorise call,
 * then one revoke call. A dry run checks these calls without making them.
 */
export interface GroupRuleChanges {
  readonly groupId: string;
  readonly authorise: readonly Rule[];
  readonly revoke: readonly Rule[];
}

/**
 * What EC2 answered to one call sent with `DryRun=true`: `permitted` (EC2 said
 * `DryRunOperation`), `denied` (`UnauthorizedOperation`: the caller lacks the permission;
 * `message` is EC2's, which may carry an encoded authorisation message), or `failed` for
 * any other answer, such as an unknown group.
 */
export interface DryRunCall {
  readonly groupId: string;
  readonly action: "AuthorizeSecurityGroupIngress" | "RevokeSecurityGroupIngress";
  readonly rules: number;
  readonly verdict: "permitted" | "denied" | "failed";
  readonly code?: string;
  readonly message?: string;
}
