/**
 * The JSON documents the AWS CLI prints for the estate, exactly as the offline mode reads
 * them. The emulator is seeded from these and exports its state back in the same shapes,
 * so a test can compare what it seeded, what the tool changed and what EC2 would show.
 * Members not named here are kept and echoed back untouched.
 */

/** A tag on a group, rule, interface or ACL. */
export interface AwsTag {
  readonly Key: string;
  readonly Value: string;
}

/** One IPv4 source of an `IpPermission`. */
export interface AwsIpRange {
  readonly CidrIp: string;
  readonly Description?: string;
}

/** One IPv6 source of an `IpPermission`. */
export interface AwsIpv6Range {
  readonly CidrIpv6: string;
  readonly Description?: string;
}

/** One prefix-list source of an `IpPermission`. */
export interface AwsPrefixListId {
  readonly PrefixListId: string;
  readonly Description?: string;
}

/** One security-group source of an `IpPermission`. */
export interface AwsUserIdGroupPair {
  readonly GroupId?: string;
  readonly GroupName?: string;
  readonly UserId?: string;
  readonly VpcId?: string;
  readonly VpcPeeringConnectionId?: string;
  readonly PeeringStatus?: string;
  readonly Description?: string;
}

/** A protocol and port range with every source it admits (`describe-security-groups`). */
export interface AwsIpPermission {
  readonly IpProtocol: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly IpRanges?: readonly AwsIpRange[];
  readonly Ipv6Ranges?: readonly AwsIpv6Range[];
  readonly PrefixListIds?: readonly AwsPrefixListId[];
  readonly UserIdGroupPairs?: readonly AwsUserIdGroupPair[];
}

/** A security group as `describe-security-groups` prints it. */
export interface AwsSecurityGroup {
  readonly GroupId: string;
  readonly GroupName?: string;
  readonly Description?: string;
  readonly VpcId?: string;
  readonly OwnerId?: string;
  readonly SecurityGroupArn?: string;
  readonly Tags?: readonly AwsTag[];
  readonly IpPermissions?: readonly AwsIpPermission[];
  readonly IpPermissionsEgress?: readonly AwsIpPermission[];
  readonly [member: string]: unknown;
}

/** The group a rule references, as `describe-security-group-rules` prints it. */
export interface AwsReferencedGroupInfo {
  readonly GroupId?: string;
  readonly UserId?: string;
  readonly VpcId?: string;
  readonly VpcPeeringConnectionId?: string;
  readonly PeeringStatus?: string;
}

/** One rule with one source, as `describe-security-group-rules` prints it. */
export interface AwsSecurityGroupRule {
  readonly SecurityGroupRuleId: string;
  readonly GroupId: string;
  readonly GroupOwnerId?: string;
  readonly IsEgress: boolean;
  readonly IpProtocol: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly CidrIpv4?: string;
  readonly CidrIpv6?: string;
  readonly PrefixListId?: string;
  readonly ReferencedGroupInfo?: AwsReferencedGroupInfo;
  readonly Description?: string;
  readonly Tags?: readonly AwsTag[];
  readonly SecurityGroupRuleArn?: string;
}

/** A network interface as `describe-network-interfaces` prints it. */
export interface AwsNetworkInterface {
  readonly NetworkInterfaceId: string;
  readonly Groups?: readonly { readonly GroupId?: string; readonly GroupName?: string }[];
  readonly VpcId?: string;
  readonly SubnetId?: string;
  readonly InterfaceType?: string;
  readonly OwnerId?: string;
  readonly RequesterManaged?: boolean;
  readonly PrivateIpAddress?: string;
  readonly PrivateIpAddresses?: readonly { readonly PrivateIpAddress?: string }[];
  readonly TagSet?: readonly AwsTag[];
  readonly [member: string]: unknown;
}

/** A network ACL as `describe-network-acls` prints it. */
export interface AwsNetworkAcl {
  readonly NetworkAclId: string;
  readonly VpcId?: string;
  readonly IsDefault?: boolean;
  readonly Associations?: readonly { readonly SubnetId?: string }[];
  readonly Entries?: readonly unknown[];
  readonly Tags?: readonly AwsTag[];
  readonly [member: string]: unknown;
}

/**
 * The estate as the four CLI documents, under the file names the offline mode uses:
 * `security-groups.json`, `network-interfaces.json` and, optionally,
 * `security-group-rules.json` and `network-acls.json`.
 */
export interface EstateFiles {
  readonly securityGroups: { readonly SecurityGroups: readonly AwsSecurityGroup[] };
  readonly networkInterfaces: { readonly NetworkInterfaces: readonly AwsNetworkInterface[] };
  readonly securityGroupRules?: { readonly SecurityGroupRules: readonly AwsSecurityGroupRule[] };
  readonly networkAcls?: { readonly NetworkAcls: readonly AwsNetworkAcl[] };
}
