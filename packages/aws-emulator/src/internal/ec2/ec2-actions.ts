import { authorizeHandler } from "./authorize.js";
import { describeManagedPrefixLists } from "./describe-managed-prefix-lists.js";
import { describeNetworkAcls } from "./describe-network-acls.js";
import { describeNetworkInterfaces } from "./describe-network-interfaces.js";
import { describeRegions } from "./describe-regions.js";
import { describeSecurityGroupRules } from "./describe-security-group-rules.js";
import { describeSecurityGroups } from "./describe-security-groups.js";
import type { Ec2Handler } from "./ec2-context.js";
import { revokeHandler } from "./revoke.js";

/** The EC2 actions the emulator speaks, by their Query `Action` name. */
export const EC2_ACTIONS: ReadonlyMap<string, Ec2Handler> = new Map([
  ["DescribeSecurityGroups", describeSecurityGroups],
  ["DescribeSecurityGroupRules", describeSecurityGroupRules],
  ["DescribeNetworkInterfaces", describeNetworkInterfaces],
  ["DescribeNetworkAcls", describeNetworkAcls],
  ["DescribeRegions", describeRegions],
  ["DescribeManagedPrefixLists", describeManagedPrefixLists],
  ["AuthorizeSecurityGroupIngress", authorizeHandler(false)],
  ["AuthorizeSecurityGroupEgress", authorizeHandler(true)],
  ["RevokeSecurityGroupIngress", revokeHandler(false)],
  ["RevokeSecurityGroupEgress", revokeHandler(true)],
]);
