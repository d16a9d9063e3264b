import type {
  DryRunCall,
  GroupRuleChanges,
  InventoryReader,
  NetworkAcl,
  RuleWriter,
} from "@sg/aws-adapter";

/**
 * The estate a command reads and changes, live or exported, behind the same ports, with
 * what the command needs to tell the user how to come back to it.
 */
export interface CommandEstate extends InventoryReader, RuleWriter {
  /** Where the estate is, for manifests and reports. */
  describe(): string;

  /** `command` followed by the flags that open this same estate, for printed commands. */
  commandLine(command: string): string;

  /** The network ACLs, or `undefined` when an exported estate has no network-acls.json. */
  readNetworkAcls(): Promise<readonly NetworkAcl[] | undefined>;

  /**
   * Asks the live estate whether each call of `changes` would be permitted, changing
   * nothing; absent for an exported estate, which has no permissions to check.
   */
  readonly dryRun?: (changes: readonly GroupRuleChanges[]) => Promise<DryRunCall[]>;
}
