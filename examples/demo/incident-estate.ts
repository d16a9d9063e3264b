/**
 * What the demo estate needs beside its security groups for the incident of
 * incident-flow-logs.ts: its network ACLs (as `aws ec2 describe-network-acls` prints them)
 * and a small ip-ranges.json in AWS's published shape, holding the prefixes the incident's
 * public sources fall in.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const VPC = "vpc-0a1b2c3d4e5f60718";

const allowAll = (ruleNumber: number, egress: boolean) => ({
  CidrBlock: "0.0.0.0/0",
  Egress: egress,
  Protocol: "-1",
  RuleAction: "allow",
  RuleNumber: ruleNumber,
});

const denyAll = (egress: boolean) => ({ ...allowAll(32767, egress), RuleAction: "deny" });

const association = (acl: string, subnet: string, n: number) => ({
  NetworkAclAssociationId: `aclassoc-0a11ce00000000${n}`,
  NetworkAclId: acl,
  SubnetId: subnet,
});

/**
 * The demo VPC's network ACLs: the default ACL (everything in and out) on the web and
 * database subnets, and on the partner API's subnet an ACL whose rule 90 denies tcp/9090
 * from 192.168.0.0/16 ahead of rule 100, which allows everything else.
 */
export const INCIDENT_NETWORK_ACLS = {
  NetworkAcls: [
    {
      Associations: [
        association("acl-0a11ce00000000def", "subnet-0a11ce000000000a1", 1),
        association("acl-0a11ce00000000def", "subnet-0a11ce000000000b1", 2),
      ],
      Entries: [allowAll(100, true), denyAll(true), allowAll(100, false), denyAll(false)],
      IsDefault: true,
      NetworkAclId: "acl-0a11ce00000000def",
      OwnerId: "111122223333",
      Tags: [],
      VpcId: VPC,
    },
    {
      Associations: [association("acl-0a11ce0000000api0", "subnet-0a11ce000000000c1", 3)],
      Entries: [
        allowAll(100, true),
        denyAll(true),
        {
          CidrBlock: "192.168.0.0/16",
          Egress: false,
          PortRange: { From: 9090, To: 9090 },
          Protocol: "6",
          RuleAction: "deny",
          RuleNumber: 90,
        },
        allowAll(100, false),
        denyAll(false),
      ],
      IsDefault: false,
      NetworkAclId: "acl-0a11ce0000000api0",
      OwnerId: "111122223333",
      Tags: [{ Key: "Name", Value: "partner-api" }],
      VpcId: VPC,
    },
  ],
};

const prefix = (ip_prefix: string, service: string, region = "us-east-1") => ({
  ip_prefix,
  region,
  service,
  network_border_group: region,
});

/**
 * An ip-ranges.json with the shape AWS publishes: Route 53 health checkers in
 * 54.243.31.192/26 (listed under AMAZON, EC2 and ROUTE53_HEALTHCHECKS, as AWS lists shared
 * prefixes), EC2 space 3.80.0.0/12, and space listed only under AMAZON.
 */
export const INCIDENT_IP_RANGES = {
  syncToken: "1780444800",
  createDate: "2026-06-03-00-00-00",
  prefixes: [
    prefix("54.243.0.0/16", "AMAZON"),
    prefix("54.243.31.192/26", "AMAZON"),
    prefix("54.243.31.192/26", "EC2"),
    prefix("54.243.31.192/26", "ROUTE53_HEALTHCHECKS"),
    prefix("3.80.0.0/12", "AMAZON"),
    prefix("3.80.0.0/12", "EC2"),
    prefix("52.94.0.0/22", "AMAZON"),
  ],
  ipv6_prefixes: [
    {
      ipv6_prefix: "2600:1f18::/33",
      region: "us-east-1",
      service: "EC2",
      network_border_group: "us-east-1",
    },
  ],
};

/** Writes `network-acls.json` into an exported estate folder. */
export const writeIncidentNetworkAcls = (estate: string): void => {
  writeFileSync(
    join(estate, "network-acls.json"),
    `${JSON.stringify(INCIDENT_NETWORK_ACLS, null, 4)}\n`,
  );
};

/** Writes the incident's ip-ranges.json to `path`. */
export const writeIncidentIpRanges = (path: string): void => {
  writeFileSync(path, `${JSON.stringify(INCIDENT_IP_RANGES, null, 2)}\n`);
};
