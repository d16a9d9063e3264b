import type { Rule } from "@sg/core";

/**
 * Changes the inbound rules of one security group. Each call is all-or-nothing, as EC2
 * treats one Authorize or Revoke request: either every rule of the call takes effect or
 * none does, and the failure is thrown as a {@link RuleWriteError} whose `code` is the EC2
 * error code, so apply can halt and print the revert command with nothing half-done.
 */
export interface RuleWriter {
  /**
   * Adds the rules to the group and returns them as the estate now holds them, with the
   * `sgr-` ids they were given where the estate records ids. Fails on a rule that already
   * exists (`InvalidPermission.Duplicate`), on an unknown group (`InvalidGroup.NotFound`)
   * and when the group would exceed its quota (`RulesPerSecurityGroupLimitExceeded`).
   */
  authorise(groupId: string, rules: readonly Rule[]): Promise<Rule[]>;

  /**
   * Removes the rules from the group, each identified by its `ruleId` when it has one and
   * otherwise by its protocol, ports and source, as EC2 matches a revoked IpPermission.
   * Fails with `InvalidPermission.NotFound` when any of them is not there.
   */
  revoke(groupId: string, rules: readonly Rule[]): Promise<void>;
}
