import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { Collapse, RuleEvidence } from "../collapse/collapse.js";
import { collapseClassic } from "../collapse/collapse-classic.js";
import { collapseOptimal } from "../collapse/collapse-optimal.js";
import { gapToleranceBlocks } from "../collapse/gap-tolerance.js";
import type { SecurityGroup } from "../inventory/inventory.js";
import { eligibilityOf } from "../rule/eligibility.js";
import { describeRule } from "../rule/rule-key.js";
import { compareRules } from "../rule/rule-order.js";
import { scheduleSteps } from "./apply-steps.js";
import { budgetOf, type Budget } from "./budget.js";
import type { GroupPlan, PlanSettings, RulePlan, RuleStatus } from "./plan.js";
import { quotaTradeOff } from "./quota-trade-off.js";
import { reconcile } from "./reconcile.js";
import { decideRules, type PlannedRule } from "./rule-decisions.js";
import { selectRulesWithinBudget } from "./rule-selection.js";

const CHANGED: ReadonlySet<RuleStatus> = new Set(["tightened", "unused-revoked"]);

/**
 * Plans one group: which eligible rules to tighten within the group's budget, their
 * replacement blocks (by the settings' strategy), the exact changes, and the order that
 * applies them without ever exceeding the quota. `sources` is parallel to `group.rules`.
 * Returns `undefined` for a group with no eligible rule.
 */
export const planGroup = (
  group: SecurityGroup,
  quota: number,
  sources: readonly Uint32Array[],
  settings: PlanSettings,
): GroupPlan | undefined => {
  const entries = plannedRules(group, sources, settings.threshold);
  const eligible = entries.filter((entry) => entry.block !== undefined);
  if (eligible.length === 0) return undefined;

  const withEvidence = eligible.filter((entry) => entry.sources.length > 0);
  const revokedUnused = settings.revokeUnused ? eligible.filter((e) => e.sources.length === 0) : [];
  const rules = entries.map((entry) => entry.rule);
  const order = settings.strategy === "classic" ? "all-at-once" : "staged";
  const budgetFor = (chosen: readonly PlannedRule[]): Budget =>
    budgetOf(quota, rules, indexesOf([...chosen, ...revokedUnused]), chosen.length, order);

  const chosen = chooseRules(withEvidence, budgetFor(withEvidence));
  const budget = budgetFor(chosen);
  const evidence = chosen.map(asEvidence);
  const collapse = collapseBy(settings, evidence, budget.available);

  const blocks = new Map(chosen.map((entry, i) => [entry.index, collapse.blocks[i]!]));
  const skipReason = skipReasonOf(budget, withEvidence.length);
  const decided = decideRules(entries, blocks, indexesOf(revokedUnused), skipReason);
  const changes = reconcile(decided);
  const steps = scheduleSteps(changes.replacements, order);

  const changed = changes.rules.filter((plan) => CHANGED.has(plan.status));
  const leftAsIs = changes.rules.filter((p) => p.status !== "kept" && !CHANGED.has(p.status));
  const tradeOff =
    settings.strategy === "optimal" ? tradeOffOf(evidence, settings, budget) : undefined;
  return {
    groupId: group.groupId,
    ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
    ...(group.vpcId === undefined ? {} : { vpcId: group.vpcId }),
    budget,
    rules: changes.rules,
    steps,
    authorise: steps.flatMap((step) => step.authorise),
    revoke: steps.flatMap((step) => step.revoke),
    tolerance: collapse.tolerance,
    trace: collapse.trace,
    ...(tradeOff === undefined ? {} : { tradeOff }),
    warnings: warningsOf(group, changes.rules, collapse, budget),
    trustedBefore: changed.reduce((sum, plan) => sum + plan.trustedBefore, 0),
    trustedAfter: changed.reduce((sum, plan) => sum + plan.trustedAfter, 0),
    trustedLeftAsIs: leftAsIs.reduce((sum, plan) => sum + plan.trustedBefore, 0),
  };
};

/** The group's rules in canonical order, each with its eligibility and its sources. */
const plannedRules = (
  group: SecurityGroup,
  sources: readonly Uint32Array[],
  threshold: number,
): PlannedRule[] =>
  group.rules
    .map((rule, index) => ({ rule, observed: sources[index] ?? new Uint32Array() }))
    .sort((a, b) => compareRules(a.rule, b.rule))
    .map(({ rule, observed }, index): PlannedRule => {
      const eligibility = eligibilityOf(rule, threshold);
      return eligibility.eligible
        ? { index, rule, block: eligibility.block, sources: observed }
        : { index, rule, ineligible: eligibility.reason, sources: observed };
    });

const indexesOf = (entries: readonly PlannedRule[]): Set<number> =>
  new Set(entries.map((entry) => entry.index));

/**
 * Which rules with evidence to tighten. All at once, the budget does not depend on the
 * choice (a skipped rule moves from "replaced" to "kept"), so the rules that save most
 * are chosen. Staged, every rule fits as soon as the group has one free rule for
 * make-before-break, and none does without one.
 */
const chooseRules = (candidates: readonly PlannedRule[], all: Budget): PlannedRule[] => {
  if (all.order === "staged") {
    return all.available >= candidates.length ? [...candidates] : [];
  }
  const shaped = candidates.map((entry) => ({ block: entry.block!, sources: entry.sources }));
  return selectRulesWithinBudget(shaped, all.available).map((position) => candidates[position]!);
};

const skipReasonOf = (budget: Budget, candidates: number): string =>
  budget.order === "staged"
    ? `the group holds ${budget.inUse} of ${budget.quota} rules: no rule is free to add a ` +
      "replacement before the broad rule is revoked"
    : `the group's budget of ${budget.available} replacement rules cannot give all ` +
      `${candidates} broad rules one each; it went to the rules that save most`;

const asEvidence = (entry: PlannedRule): RuleEvidence => ({
  label: entry.rule.ruleId ?? describeRule(entry.rule),
  block: entry.block!,
  sources: entry.sources,
});

const collapseBy = (
  settings: PlanSettings,
  evidence: readonly RuleEvidence[],
  available: number,
): Collapse =>
  settings.strategy === "classic"
    ? collapseClassic(evidence, available, settings.tolerance)
    : collapseOptimal(evidence, available, settings.tolerance);

const tradeOffOf = (evidence: readonly RuleEvidence[], settings: PlanSettings, budget: Budget) =>
  quotaTradeOff(
    evidence.map((rule) => ({
      block: rule.block,
      required: gapToleranceBlocks(rule.sources, rule.block, settings.tolerance),
    })),
    budget.available,
  );

const warningsOf = (
  group: SecurityGroup,
  rules: readonly RulePlan[],
  collapse: Collapse,
  budget: Budget,
): string[] => {
  const warnings: string[] = [];
  if (collapse.addedToFit > 0) {
    const how = fitDescription(collapse, budget);
    warnings.push(
      `${group.groupId}: ${how} trusts ${collapse.addedToFit} addresses the evidence does ` +
        "not support; ask AWS Support to raise the inbound rules per security group quota " +
        "(Service Quotas code L-0EA8095F)",
    );
  }
  const skipped = rules.filter((plan) => plan.status === "skipped").length;
  if (skipped > 0) {
    warnings.push(
      `${group.groupId}: ${skipped} broad rules left as they are for want of rule budget; ` +
        "free rules (compact) or raise the quota",
    );
  }
  for (const plan of rules) {
    if (plan.rule.source.kind === "prefix-list" && plan.rule.source.maxEntries === undefined) {
      warnings.push(
        `${group.groupId}: prefix list ${describeRule(plan.rule)} has an unknown size, counted ` +
          "as 1 rule; EC2 counts its maximum entries",
      );
    }
  }
  return warnings;
};

/** How the collapse made the group fit, for its warning. */
const fitDescription = (collapse: Collapse, budget: Budget): string => {
  switch (collapse.trace[collapse.trace.length - 1]?.kind) {
    case "forced-merge":
      return `${collapse.forcedMerges} forced merges at ${collapse.tolerance}% tolerance`;
    case "escalation":
      return `escalating the tolerance to ${collapse.tolerance}%`;
    default:
      return `fitting the budget of ${budget.available} replacement rules`;
  }
};
