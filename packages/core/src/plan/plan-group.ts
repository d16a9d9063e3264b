import { blockSize, sameBlock, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import { collapseClassic, type RuleEvidence } from "../collapse/collapse-classic.js";
import type { SecurityGroup } from "../inventory/inventory.js";
import { eligibilityOf, type IneligibleReason } from "../rule/eligibility.js";
import { describeRule, ruleKey } from "../rule/rule-key.js";
import { compareRules } from "../rule/rule-order.js";
import type { Rule } from "../rule/rule.js";
import { budgetOf } from "./budget.js";
import type { GroupPlan, PlanSettings, RulePlan, RuleStatus } from "./plan.js";
import { replacementRule } from "./replacement-rule.js";
import { selectRulesWithinBudget } from "./rule-selection.js";

interface Entry {
  readonly index: number;
  readonly rule: Rule;
  readonly block?: Ipv4Cidr;
  readonly ineligible?: IneligibleReason;
  readonly sources: Uint32Array;
}

const CHANGED: ReadonlySet<RuleStatus> = new Set(["tightened", "unused-revoked"]);

const KEPT_REASONS: Record<IneligibleReason, string> = {
  "group-reference": "group reference: kept and counted",
  "prefix-list": "prefix list: kept and counted at its maximum entries",
  ipv6: "IPv6: kept (only IPv4 private rules are tightened)",
  "not-private": "not a subset of one RFC 1918 block: kept",
  "already-tight": "at or narrower than the eligibility threshold: kept",
};

/**
 * Plans one group: which eligible rules to tighten within the group's budget, their
 * replacement blocks (the three collapse layers), and the exact authorise and revoke
 * lists. `sources` is parallel to `group.rules`. Returns `undefined` for a group with no
 * eligible rule.
 */
export const planGroup = (
  group: SecurityGroup,
  quota: number,
  sources: readonly Uint32Array[],
  settings: PlanSettings,
): GroupPlan | undefined => {
  const ordered = group.rules
    .map((rule, index) => ({ rule, observed: sources[index] ?? new Uint32Array() }))
    .sort((a, b) => compareRules(a.rule, b.rule));
  const rules = ordered.map(({ rule }) => rule);
  const entries = ordered.map(({ rule, observed }, index): Entry => {
    const eligibility = eligibilityOf(rule, settings.threshold);
    return eligibility.eligible
      ? { index, rule, block: eligibility.block, sources: observed }
      : { index, rule, ineligible: eligibility.reason, sources: observed };
  });
  const eligible = entries.filter((entry) => entry.block !== undefined);
  if (eligible.length === 0) return undefined;

  const withEvidence = eligible.filter((entry) => entry.sources.length > 0);
  const unused = eligible.filter((entry) => entry.sources.length === 0);
  const revokedUnused = settings.revokeUnused ? unused : [];
  const available = budgetOf(
    quota,
    group.rules,
    indexesOf([...withEvidence, ...revokedUnused]),
  ).available;

  const chosen = selectRulesWithinBudget(asCandidates(withEvidence), available).map(
    (position) => withEvidence[position]!,
  );
  const budget = budgetOf(quota, rules, indexesOf([...chosen, ...revokedUnused]));
  const collapse = collapseClassic(chosen.map(asEvidence), budget.available, settings.tolerance);

  const replacements = new Map(chosen.map((entry, i) => [entry.index, collapse.blocks[i]!]));
  const decided = decide(entries, replacements, new Set(indexesOf(revokedUnused)), available);
  const changes = reconcile(decided);

  const changed = changes.rules.filter((plan) => CHANGED.has(plan.status));
  const leftAsIs = changes.rules.filter(
    (plan) => plan.status !== "kept" && !CHANGED.has(plan.status),
  );
  return {
    groupId: group.groupId,
    ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
    ...(group.vpcId === undefined ? {} : { vpcId: group.vpcId }),
    budget,
    rules: changes.rules,
    authorise: changes.authorise.sort(compareRules),
    revoke: changes.revoke.sort(compareRules),
    tolerance: collapse.tolerance,
    trace: collapse.trace,
    warnings: warningsOf(group, changes.rules, collapse.addedByForcedMerges, budget.available),
    trustedBefore: changed.reduce((sum, plan) => sum + plan.trustedBefore, 0),
    trustedAfter: changed.reduce((sum, plan) => sum + plan.trustedAfter, 0),
    trustedLeftAsIs: leftAsIs.reduce((sum, plan) => sum + plan.trustedBefore, 0),
  };
};

const indexesOf = (entries: readonly Entry[]): Set<number> =>
  new Set(entries.map((entry) => entry.index));

const asCandidates = (entries: readonly Entry[]) =>
  entries.map((entry) => ({ block: entry.block!, sources: entry.sources }));

const asEvidence = (entry: Entry): RuleEvidence => ({
  label: entry.rule.ruleId ?? describeRule(entry.rule),
  block: entry.block!,
  sources: entry.sources,
});

/** The status of every rule before duplicate reconciliation. */
const decide = (
  entries: readonly Entry[],
  replacements: ReadonlyMap<number, readonly Ipv4Cidr[]>,
  revokedUnused: ReadonlySet<number>,
  available: number,
): RulePlan[] =>
  entries.map((entry): RulePlan => {
    const { rule, block } = entry;
    const base = { rule, observedSources: entry.sources.length, replacements: [] };
    if (block === undefined) {
      const reason = KEPT_REASONS[entry.ineligible!];
      return { ...base, status: "kept", reason, trustedBefore: 0, trustedAfter: 0 };
    }

    const size = blockSize(block);
    const sized = { ...base, trustedBefore: size, trustedAfter: size };
    const chosen = replacements.get(entry.index);
    if (revokedUnused.has(entry.index)) {
      const reason = "no evidence in the window: revoked as the operator asked";
      return { ...sized, status: "unused-revoked", reason, trustedAfter: 0 };
    }
    if (entry.sources.length === 0) {
      const reason = "no evidence in the window: kept and reported, never silently revoked";
      return { ...sized, status: "unused", reason };
    }
    if (chosen === undefined) {
      const reason = `the group's budget of ${available} replacement rules is spent on rules that save more`;
      return { ...sized, status: "skipped", reason };
    }
    if (chosen.length === 1 && sameBlock(chosen[0]!, block)) {
      return { ...sized, status: "unchanged", reason: "the evidence fills the whole rule" };
    }

    const after = chosen.reduce((sum, b) => sum + blockSize(b), 0);
    const reason = `${entry.sources.length} observed sources fit in ${chosen.length} blocks`;
    return { ...sized, status: "tightened", reason, trustedAfter: after, replacements: chosen };
  });

/**
 * Turns decisions into authorise and revoke lists that EC2 will accept. A replacement
 * identical to a rule that stays is not authorised again (EC2 would refuse a duplicate).
 * A replacement identical to a rule being revoked keeps that rule instead, with its own
 * replacements dropped (they lie inside it), so no authorise fails and no revoke removes
 * a block another rule needs.
 */
const reconcile = (
  decided: RulePlan[],
): { rules: RulePlan[]; authorise: Rule[]; revoke: Rule[] } => {
  const wanted = new Set(
    decided.flatMap((plan) => plan.replacements.map((b) => ruleKey(replacementRule(plan.rule, b)))),
  );
  const rules = decided.map((plan): RulePlan => {
    const revoked = plan.status === "tightened" || plan.status === "unused-revoked";
    if (!revoked || !wanted.has(ruleKey(plan.rule))) return plan;

    const reason = "kept: another rule's replacement is exactly this block";
    return {
      ...plan,
      status: "unchanged",
      reason,
      trustedAfter: plan.trustedBefore,
      replacements: [],
    };
  });

  const staying = new Set(
    rules
      .filter((plan) => plan.status !== "tightened" && plan.status !== "unused-revoked")
      .map((plan) => ruleKey(plan.rule)),
  );
  const authorise = new Map<string, Rule>();
  for (const plan of rules) {
    for (const block of plan.replacements) {
      const rule = replacementRule(plan.rule, block);
      const key = ruleKey(rule);
      if (!staying.has(key) && !authorise.has(key)) authorise.set(key, rule);
    }
  }
  const revoke = rules
    .filter((plan) => plan.status === "tightened" || plan.status === "unused-revoked")
    .map((plan) => plan.rule);
  return { rules, authorise: [...authorise.values()], revoke };
};

const warningsOf = (
  group: SecurityGroup,
  rules: readonly RulePlan[],
  addedByForcedMerges: number,
  available: number,
): string[] => {
  const warnings: string[] = [];
  if (addedByForcedMerges > 0) {
    warnings.push(
      `${group.groupId}: forced merges at 95% tolerance trust ${addedByForcedMerges} addresses ` +
        "the evidence does not support; ask AWS Support to raise the inbound rules per " +
        "security group quota (Service Quotas code L-0EA8095F)",
    );
  }
  const skipped = rules.filter((plan) => plan.status === "skipped").length;
  if (skipped > 0) {
    warnings.push(
      `${group.groupId}: a budget of ${available} replacement rules left ${skipped} broad ` +
        "rules as they are; free rule budget (compact) or raise the quota",
    );
  }
  const unsized = rules.filter(
    (plan) => plan.rule.source.kind === "prefix-list" && plan.rule.source.maxEntries === undefined,
  );
  for (const plan of unsized) {
    warnings.push(
      `${group.groupId}: prefix list ${describeRule(plan.rule)} has an unknown size, counted ` +
        "as 1 rule; EC2 counts its maximum entries",
    );
  }
  return warnings;
};
