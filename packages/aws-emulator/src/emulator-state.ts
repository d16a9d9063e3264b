import type { LogEventSeed } from "./emulator-options.js";
import type {
  AwsNetworkAcl,
  AwsNetworkInterface,
  AwsSecurityGroup,
  AwsSecurityGroupRule,
  EstateFiles,
} from "./estate-files.js";

/**
 * The emulator's estate as a test sees it: read-back in the AWS CLI's own JSON shapes, so
 * a test compares what the tool did with what `aws ec2 describe-…` would print, plus the
 * few knobs a test turns while the emulator runs.
 */
export interface EmulatorState {
  /** Every group with its rules folded into `IpPermissions`, as `describe-security-groups`. */
  exportSecurityGroups(): { SecurityGroups: AwsSecurityGroup[] };
  /** Every rule with its `sgr-` id, as `describe-security-group-rules`. */
  exportSecurityGroupRules(): { SecurityGroupRules: AwsSecurityGroupRule[] };
  /** Every interface, as `describe-network-interfaces`. */
  exportNetworkInterfaces(): { NetworkInterfaces: AwsNetworkInterface[] };
  /** Every network ACL, as `describe-network-acls`. */
  exportNetworkAcls(): { NetworkAcls: AwsNetworkAcl[] };
  /** All four documents at once, in the shape `loadEstateDir` returns. */
  exportEstate(): Required<EstateFiles>;
  /** The rules quota enforced for one group (inbound or outbound, per IP family). */
  ruleQuota(groupId: string): number;
  /** Changes the rules quota enforced for one group from now on. */
  setRuleQuota(groupId: string, quota: number): void;
  /** Adds events to a log group (creating it), as new flow-log deliveries would. */
  appendLogEvents(logGroupName: string, events: readonly LogEventSeed[]): void;
}
