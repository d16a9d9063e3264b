/** One file of an exported estate: its name in the folder and the command that writes it. */
export interface EstateFile {
  readonly name: string;
  readonly command: string;
  readonly required: boolean;
  /** What the file adds to the estate, for help text and error messages. */
  readonly supplies: string;
}

const exportCommand = (operation: string, name: string): string =>
  `aws ec2 ${operation} --output json > ${name}`;

const estateFile = (
  operation: string,
  name: string,
  required: boolean,
  supplies: string,
): EstateFile => ({ name, command: exportCommand(operation, name), required, supplies });

/**
 * The files `--estate DIR` reads: the JSON the AWS CLI prints, saved under a fixed name.
 * Groups and interfaces are required; the others add rule ids, prefix-list weights and
 * NACLs when present, so an export can start small and grow.
 */
export const ESTATE_FILES = {
  securityGroups: estateFile(
    "describe-security-groups",
    "security-groups.json",
    true,
    "the security groups and their inbound rules",
  ),
  networkInterfaces: estateFile(
    "describe-network-interfaces",
    "network-interfaces.json",
    true,
    "the network interfaces, their addresses and attached groups",
  ),
  securityGroupRules: estateFile(
    "describe-security-group-rules",
    "security-group-rules.json",
    false,
    "the sgr- rule ids",
  ),
  managedPrefixLists: estateFile(
    "describe-managed-prefix-lists",
    "managed-prefix-lists.json",
    false,
    "the weight (max entries) of each prefix list against the rule quota",
  ),
  networkAcls: estateFile(
    "describe-network-acls",
    "network-acls.json",
    false,
    "the network ACLs, for telling SG rejects from NACL rejects",
  ),
} as const satisfies Record<string, EstateFile>;
