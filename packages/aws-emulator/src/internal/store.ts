import type { LogEventSeed } from "../emulator-options.js";
import type { EmulatorState } from "../emulator-state.js";
import type {
  AwsNetworkAcl,
  AwsNetworkInterface,
  AwsSecurityGroup,
  AwsSecurityGroupRule,
  EstateFiles,
} from "../estate-files.js";
import { permissionsOf } from "./permissions-of.js";
import { ruleToAws, type CandidateRule, type RuleRecord } from "./rule-record.js";

/**
 * A group's own attributes. Its rules live in the store's rule list; the permission lists
 * are stripped when seeding and rebuilt on export.
 */
export type GroupRecord = AwsSecurityGroup;

/** A stored log event: a seed plus the id CloudWatch Logs gives it. */
export interface LogEventRecord extends Required<LogEventSeed> {
  readonly eventId: string;
}

/** The settings the store needs to answer as EC2 would. */
export interface StoreSettings {
  readonly accountId: string;
  readonly region: string;
  readonly defaultQuota: number;
  readonly quotaByGroup: Readonly<Record<string, number>>;
}

/**
 * The mutable estate behind the emulator: groups, rules (one per source, in the order
 * EC2 would list them), interfaces, ACLs and log groups. Handlers read and change it;
 * tests see it through {@link EmulatorState}.
 */
export class Store implements EmulatorState {
  readonly groups = new Map<string, GroupRecord>();
  rules: RuleRecord[] = [];
  readonly interfaces: AwsNetworkInterface[] = [];
  readonly networkAcls: AwsNetworkAcl[] = [];
  readonly logGroups = new Map<string, LogEventRecord[]>();
  private readonly quotas: Map<string, number>;
  private ruleCounter = 0;
  private eventCounter = 0;

  constructor(readonly settings: StoreSettings) {
    this.quotas = new Map(Object.entries(settings.quotaByGroup));
  }

  /** The owner EC2 reports for a group's rules. */
  ownerOf(groupId: string): string {
    return this.groups.get(groupId)?.OwnerId ?? this.settings.accountId;
  }

  /** Stores candidates under fresh `sgr-` ids, in order, and returns them. */
  insertRules(candidates: readonly CandidateRule[]): RuleRecord[] {
    const taken = new Set(this.rules.map((rule) => rule.ruleId));
    const added = candidates.map((candidate) => ({
      ...candidate,
      ruleId: this.freshRuleId(taken),
    }));
    this.rules = [...this.rules, ...added];
    return added;
  }

  /** Removes the rules with these ids. */
  removeRules(ruleIds: ReadonlySet<string>): void {
    this.rules = this.rules.filter((rule) => !ruleIds.has(rule.ruleId));
  }

  /**
   * A rule id that neither a stored rule nor `taken` has, which it then adds to `taken`.
   * Ids count up from one, so the same calls give the same ids on every run.
   */
  freshRuleId(taken: Set<string> = new Set(this.rules.map((rule) => rule.ruleId))): string {
    let id: string;
    do {
      this.ruleCounter += 1;
      id = `sgr-${this.ruleCounter.toString(16).padStart(17, "0")}`;
    } while (taken.has(id));
    taken.add(id);
    return id;
  }

  exportSecurityGroups(): { SecurityGroups: AwsSecurityGroup[] } {
    const SecurityGroups = [...this.groups.values()].map((group) => {
      const own = this.rules.filter((rule) => rule.groupId === group.GroupId);
      return {
        ...group,
        IpPermissions: permissionsOf(own.filter((rule) => !rule.isEgress)),
        IpPermissionsEgress: permissionsOf(own.filter((rule) => rule.isEgress)),
      };
    });
    return { SecurityGroups };
  }

  exportSecurityGroupRules(): { SecurityGroupRules: AwsSecurityGroupRule[] } {
    const SecurityGroupRules = this.rules.map((rule) =>
      ruleToAws(rule, this.ownerOf(rule.groupId), this.settings.region),
    );
    return { SecurityGroupRules };
  }

  exportNetworkInterfaces(): { NetworkInterfaces: AwsNetworkInterface[] } {
    return { NetworkInterfaces: [...this.interfaces] };
  }

  exportNetworkAcls(): { NetworkAcls: AwsNetworkAcl[] } {
    return { NetworkAcls: [...this.networkAcls] };
  }

  exportEstate(): Required<EstateFiles> {
    return {
      securityGroups: this.exportSecurityGroups(),
      networkInterfaces: this.exportNetworkInterfaces(),
      securityGroupRules: this.exportSecurityGroupRules(),
      networkAcls: this.exportNetworkAcls(),
    };
  }

  ruleQuota(groupId: string): number {
    return this.quotas.get(groupId) ?? this.settings.defaultQuota;
  }

  setRuleQuota(groupId: string, quota: number): void {
    this.quotas.set(groupId, quota);
  }

  appendLogEvents(logGroupName: string, events: readonly LogEventSeed[]): void {
    const stored = events.map((event) => {
      this.eventCounter += 1;
      return {
        ingestionTime: event.timestamp,
        ...event,
        eventId: String(this.eventCounter).padStart(20, "0"),
      };
    });
    const merged = [...(this.logGroups.get(logGroupName) ?? []), ...stored];
    this.logGroups.set(
      logGroupName,
      merged.sort((a, b) => a.timestamp - b.timestamp),
    );
  }
}
