import type { AwsSecurityGroup, EstateFiles } from "../../src/index.js";

/** A group to build: its id, VPC and the IPv4 CIDRs it admits on tcp/443. */
export interface GroupSketch {
  readonly groupId: string;
  readonly vpcId?: string;
  readonly cidrs?: readonly string[];
}

/** The id of the i-th generated group, in EC2's shape. */
export const groupIdOf = (index: number): string => `sg-${index.toString(16).padStart(17, "0")}`;

/** A group as the CLI prints it, with one tcp/443 permission holding every CIDR. */
export const groupOf = ({
  groupId,
  vpcId = "vpc-0aaa",
  cidrs = [],
}: GroupSketch): AwsSecurityGroup => ({
  GroupId: groupId,
  GroupName: `group-${groupId}`,
  Description: `built for a test`,
  OwnerId: "111122223333",
  VpcId: vpcId,
  Tags: [],
  IpPermissions:
    cidrs.length === 0
      ? []
      : [
          {
            IpProtocol: "tcp",
            FromPort: 443,
            ToPort: 443,
            IpRanges: cidrs.map((CidrIp) => ({ CidrIp })),
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [],
          },
        ],
  IpPermissionsEgress: [],
});

/** An estate of the sketched groups and one interface per group. */
export const estateOf = (sketches: readonly GroupSketch[]): EstateFiles => ({
  securityGroups: { SecurityGroups: sketches.map(groupOf) },
  networkInterfaces: {
    NetworkInterfaces: sketches.map((sketch, index) => ({
      NetworkInterfaceId: `eni-${index.toString(16).padStart(17, "0")}`,
      Groups: [{ GroupId: sketch.groupId, GroupName: `group-${sketch.groupId}` }],
      VpcId: sketch.vpcId ?? "vpc-0aaa",
      SubnetId: `subnet-${index % 3}`,
      InterfaceType: "interface",
      PrivateIpAddress: `10.50.${Math.floor(index / 250)}.${(index % 250) + 1}`,
    })),
  },
});

/** `count` distinct /24 blocks inside 10.0.0.0/8, starting at `first`. */
export const private24s = (count: number, first = 0): string[] =>
  Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return `10.${Math.floor(n / 256) % 256}.${n % 256}.0/24`;
  });
