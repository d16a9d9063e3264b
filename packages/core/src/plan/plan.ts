import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { CollapseStep } from "../collapse/collapse-step.js";
import type { AttributionStats } from "../evidence/attribution.js";
import type { TimeWindow } from "../evidence/evidence.js";
import type { Rule } from "../rule/rule.js";
import type { ApplyStep } from "./apply-steps.js";
import type { Budget } from "./budget.js";
import type { QuotaTradeOff } from "./quota-trade-off.js";

/**
 * What the plan does with one rule:
 * - `tightened`: revoked and replaced by narrower blocks;
 * - `unchanged`: eligible, but the evidence fills it, so it stays;
 * - `unused`: eligible with no evidence in the window, kept and reported;
 * - `unused-revoked`: eligible with no evidence, revoked because the operator asked;
 * - `skipped`: eligible, but the budget could not hold a replacement for it;
 * - `kept`: not eligible (group reference, prefix list, IPv6, public, already tight).
 */
export type RuleStatus =
  "tightened" | "unchanged" | "unused" | "unused-revoked" | "skipped" | "kept";

/** One rule of a group in the plan, with the addresses it trusts before and after. */
export interface RulePlan {
  readonly rule: Rule;
  readonly status: RuleStatus;
  /** Why the rule has its status, in a sentence. */
  readonly reason: string;
  readonly observedSources: number;
  /** IPv4 addresses trusted; 0 for sources that are not IPv4 CIDRs. */
  readonly trustedBefore: number;
  readonly trustedAfter: number;
  /** For `tightened` rules, the blocks that replace it. */
  readonly replacements: readonly Ipv4Cidr[];
}

/** Everything the plan changes in one security group, and why. */
export interface GroupPlan {
  readonly groupId: string;
  readonly groupName?: string;
  readonly vpcId?: string;
  readonly budget: Budget;
  /** Every rule of the group, in canonical order. */
  readonly rules: readonly RulePlan[];
  /** The changes in the order apply makes them; undone in reverse. */
  readonly steps: readonly ApplyStep[];
  /** Every new rule, in step order. */
  readonly authorise: readonly Rule[];
  /** Every rule revoked, in step order. */
  readonly revoke: readonly Rule[];
  /** The tolerance the collapse ended at (escalation may raise it). */
  readonly tolerance: number;
  readonly trace: readonly CollapseStep[];
  /** What more rule quota would buy, when the budget constrained the cover (optimal). */
  readonly tradeOff?: QuotaTradeOff;
  readonly warnings: readonly string[];
  /** Addresses trusted by the rules the plan changes, before and after. */
  readonly trustedBefore: number;
  readonly trustedAfter: number;
  /** Addresses still trusted by eligible rules the plan leaves as they are. */
  readonly trustedLeftAsIs: number;
}

/** The options a plan was built with, recorded so a reviewer can reproduce it. */
export interface PlanSettings {
  readonly tolerance: number;
  readonly threshold: number;
  readonly window: TimeWindow;
  readonly revokeUnused: boolean;
  /**
   * `optimal`: the exact fewest-addresses cover of layer 1 within the budget, applied
   * staged; `classic`: the original escalation and forced merges, applied all at once.
   */
  readonly strategy: "optimal" | "classic";
}

/** Totals over every group of the plan. */
export interface PlanTotals {
  /** Addresses trusted by the rules the plan changes, before and after. */
  readonly trustedBefore: number;
  readonly trustedAfter: number;
  /** The share of the changed rules' trusted address space removed, 0 … 1. */
  readonly reduction: number;
  /** Addresses still trusted by eligible rules left as they are (unused, skipped, full). */
  readonly trustedLeftAsIs: number;
  readonly groupsChanged: number;
  readonly rulesRevoked: number;
  readonly rulesAuthorised: number;
}

/** A complete tightening plan: per-group changes, totals, and how evidence was used. */
export interface Plan {
  readonly settings: PlanSettings;
  /** Groups with at least one eligible rule, sorted by id. */
  readonly groups: readonly GroupPlan[];
  readonly totals: PlanTotals;
  readonly attribution: AttributionStats;
}
