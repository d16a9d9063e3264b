import type { CollapseStep } from "../collapse/collapse-step.js";
import type { TolerancePercent } from "../collapse/tolerance.js";
import type { BlockedSource } from "../diagnose/blocked-source.js";
import type { DiagnosisStats } from "../diagnose/diagnose-rejects.js";
import type { IpRanges } from "../ip-ranges/ip-ranges.js";
import type { SubnetNacl } from "../nacl/nacl-entry.js";
import type { Rule } from "../rule/rule.js";

/** extend's default tolerance: break-glass favours fewer, wider rules than a plan (50%). */
export const DEFAULT_EXTEND_TOLERANCE: TolerancePercent = 50;

/** The default ceiling on the groups one extend may change. */
export const DEFAULT_MAX_GROUPS = 20;

/** How public sources are admitted: against AWS's ranges, summarised or per address. */
export interface PublicSourcePolicy {
  readonly ipRanges: IpRanges;
  /** Admit a managed service's prefix for the sources inside it (else one /32 each). */
  readonly summarise: boolean;
}

/** What extend may admit, where, and how widely. */
export interface ExtendOptions {
  /** Gap tolerance for private sources, whole percent (default 50). */
  readonly tolerance?: TolerancePercent;
  /** Only these groups may change (default: the groups of each rejecting interface). */
  readonly groupIds?: readonly string[];
  /** Only attempts on these tcp or udp ports (default: every protocol and port). */
  readonly ports?: readonly number[];
  /** Refuse when more groups than this would change (default 20). */
  readonly maxGroups?: number;
  /** Admit public sources too, classified by AWS's ranges (default: private only). */
  readonly publicSources?: PublicSourcePolicy;
  /** The network ACLs: attempts the subnet's ACL denies are reported, not admitted. */
  readonly nacls?: readonly SubnetNacl[];
  /** Text each new rule's description carries, such as the time of the run. */
  readonly label?: string;
}

/** Why a blocked source was left out. */
export type UnadmittedReason = "public-excluded" | "amazon-only" | "nacl-denies" | "over-budget";

/** A blocked source extend did not admit, and why, in a sentence. */
export interface UnadmittedSource {
  readonly blocked: BlockedSource;
  readonly reason: UnadmittedReason;
  readonly detail: string;
}

/** A blocked source admitted to one group, and the new rule that admits it. */
export interface ExtendedSource {
  readonly blocked: BlockedSource;
  readonly groupId: string;
  readonly rule: Rule;
}

/** The rules one group gains, the budget they fit in, and how they were collapsed. */
export interface GroupExtension {
  readonly groupId: string;
  readonly groupName?: string;
  readonly quota: number;
  /** The group's IPv4 inbound usage now. */
  readonly inUse: number;
  /** Rules the group can still take: quota − in use, never negative. */
  readonly available: number;
  /** New rules, in canonical order; never more than `available`. */
  readonly authorise: readonly Rule[];
  /** The tolerance the private sources were collapsed at (escalation may raise it). */
  readonly tolerance: TolerancePercent;
  readonly trace: readonly CollapseStep[];
  readonly warnings: readonly string[];
}

/** How every attempt was accounted for. */
export interface ExtensionStats extends DiagnosisStats {
  /** Blocked, but on a protocol or port outside `ports`. */
  readonly otherPorts: number;
  /** Blocked, but on an interface with none of the `groupIds`. */
  readonly outsideGroups: number;
}

/**
 * A break-glass extension: rules to authorise, never to revoke. `refused` when it would
 * change more groups than `maxGroups`; `groups` then lists what it would have touched
 * and nothing may be written.
 */
export interface Extension {
  readonly outcome: "planned" | "refused";
  readonly maxGroups: number;
  /** Groups that gain rules, sorted by id. */
  readonly groups: readonly GroupExtension[];
  readonly extended: readonly ExtendedSource[];
  readonly unadmitted: readonly UnadmittedSource[];
  readonly stats: ExtensionStats;
}
