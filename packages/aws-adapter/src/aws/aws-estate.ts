import type { Inventory, Rule } from "@sg/core";
import type { NetworkAcl } from "../local/network-acl.js";
import type { InventoryReader } from "../ports/inventory-reader.js";
import type { RuleWriter } from "../ports/rule-writer.js";
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_UNKNOWN_OUTCOME_RETRIES,
  type AwsEstateOptions,
} from "./aws-estate-options.js";
import type { DryRunCall, GroupRuleChanges } from "./group-rule-changes.js";
import { authoriseRules } from "./internal/authorise-rules.js";
import { awsRead } from "./internal/aws-read.js";
import { awsClients, type AwsClients } from "./internal/clients.js";
import { describeNetworkAcls } from "./internal/describe-network-acls.js";
import { dryRunCalls } from "./internal/dry-run.js";
import { readInventory } from "./internal/read-inventory.js";
import { revokeRules } from "./internal/revoke-rules.js";
import type { RuleQuota } from "./internal/rule-quota.js";
import type { WriteContext } from "./internal/write-context.js";

const MIN_PAGE_SIZE = 5;
const MAX_PAGE_SIZE = 1000;

/**
 * The live estate of one account and Region, over the EC2 API: the same ports as the
 * exported estate, so every command runs unchanged against either. Reads follow every
 * page and normalise exactly as the offline mode does; each write is one EC2 call, made
 * whole or not at all, and a write whose outcome is unknown is settled by re-reading the
 * group, never by sending it again blindly. Failed reads throw `AwsCallError`, failed
 * writes `RuleWriteError` with EC2's code.
 *
 * @example
 * const estate = new AwsEstate({ region: "eu-west-1", ruleTags: { "sg-tightener:plan": d } });
 * const inventory = await estate.read();
 * const added = await estate.authorise("sg-0123", [rule]); // with their new sgr- ids
 */
export class AwsEstate implements InventoryReader, RuleWriter {
  private readonly clients: AwsClients;
  private readonly writes: WriteContext;
  private readonly pageSize: number;
  private region: string | undefined;
  private quota: RuleQuota | undefined;

  constructor(private readonly options: AwsEstateOptions = {}) {
    this.pageSize = pageSizeOf(options.pageSize);
    this.clients = awsClients(options);
    this.writes = {
      ec2: this.clients.ec2,
      pageSize: this.pageSize,
      unknownOutcomeRetries: options.unknownOutcomeRetries ?? DEFAULT_UNKNOWN_OUTCOME_RETRIES,
      ...(options.ruleTags === undefined ? {} : { ruleTags: options.ruleTags }),
      ...(options.log === undefined ? {} : { log: options.log }),
    };
  }

  /**
   * Reads the groups (all, or the options' `groupIds`, with their `neighbours` when asked),
   * their inbound rules, the attached interfaces and the rule quota, as they stand now.
   */
  async read(): Promise<Inventory> {
    this.region = await awsRead("resolving the AWS Region", () => this.clients.ec2.config.region());

    const { inventory, quota } = await readInventory(this.clients, {
      pageSize: this.pageSize,
      ...(this.options.groupIds === undefined ? {} : { groupIds: this.options.groupIds }),
      ...(this.options.neighbours === true ? { neighbours: true } : {}),
      ...(this.options.quota === undefined ? {} : { quota: this.options.quota }),
    });
    this.quota = quota;
    return inventory;
  }

  /**
   * Every network ACL of the Region with its subnets and entries (DescribeNetworkAcls),
   * as the exported estate's `network-acls.json` gives them, so a REJECT can be told
   * apart as a NACL's or a group's. Live, the answer is always known.
   */
  readNetworkAcls(): Promise<readonly NetworkAcl[]> {
    return describeNetworkAcls(this.clients.ec2);
  }

  /** Adds the rules with one AuthorizeSecurityGroupIngress; see {@link RuleWriter.authorise}. */
  authorise(groupId: string, rules: readonly Rule[]): Promise<Rule[]> {
    return authoriseRules(this.writes, groupId, rules);
  }

  /** Removes the rules with one RevokeSecurityGroupIngress; see {@link RuleWriter.revoke}. */
  revoke(groupId: string, rules: readonly Rule[]): Promise<void> {
    return revokeRules(this.writes, groupId, rules);
  }

  /**
   * Asks EC2, with `DryRun=true`, whether each call that applying `changes` would make is
   * permitted, and reports every verdict; changes nothing. Lets an operator find a
   * missing permission before a real apply halts on it.
   */
  dryRun(changes: readonly GroupRuleChanges[]): Promise<DryRunCall[]> {
    return dryRunCalls(this.writes, changes);
  }

  /** The Region and profile, and after a read the quota and where it came from. */
  describe(): string {
    const region = this.region ?? this.options.region ?? "the default Region";
    const profile = this.options.profile === undefined ? "" : `, profile ${this.options.profile}`;
    const quota =
      this.quota === undefined ? "" : `, rule quota ${this.quota.quota} (${this.quota.source})`;
    return `live EC2 estate in ${region}${profile}${quota}`;
  }
}

const pageSizeOf = (pageSize: number | undefined): number => {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
    throw new RangeError(
      `AwsEstate pageSize ${size} is not a whole number from ${MIN_PAGE_SIZE} to ` +
        `${MAX_PAGE_SIZE}, the range EC2 accepts for MaxResults`,
    );
  }
  return size;
};
