import {
  formatIpv4Cidr,
  formatTraffic,
  formatSource,
  type ApplyStep,
  type Budget,
  type GroupPlan,
  type Plan,
  type Rule,
} from "@sg/core";
import * as t from "io-ts";
import type { ArtefactKind } from "./artefact-file.js";
import { isoTime } from "./codecs.js";
import { ruleJson } from "./rule-json.js";
import { snapshotJson, type Snapshot } from "./snapshot.js";

/** The plan.json artefact: its name, version and flag. */
export const PLAN_FILE: ArtefactKind = { format: "sg-tightener/plan", version: 1, flag: "--plan" };

/** What apply needs from a plan: the signed snapshot and each group's steps. */
export interface PlannedChanges {
  readonly snapshot: Snapshot;
  readonly groups: readonly { readonly groupId: string; readonly steps: readonly ApplyStep[] }[];
}

/**
 * Reads the parts of plan.json that apply acts on, strictly: the snapshot and the rules
 * to authorise and revoke. The rest of the file (budgets, traces, per-rule reasons) is for
 * the reviewer and is not needed to apply.
 */
export const plannedChangesCodec = t.type({
  format: t.literal(PLAN_FILE.format),
  version: t.literal(PLAN_FILE.version),
  snapshot: snapshotJson,
  groups: t.array(
    t.type({
      groupId: t.string,
      steps: t.array(t.type({ authorise: t.array(ruleJson), revoke: t.array(ruleJson) })),
    }),
  ),
});

const ruleText = (rule: Rule): string => `${formatTraffic(rule)} from ${formatSource(rule.source)}`;

const groupJson = (group: GroupPlan) => ({
  groupId: group.groupId,
  ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
  ...(group.vpcId === undefined ? {} : { vpcId: group.vpcId }),
  budget: { ...group.budget, formula: budgetFormula(group.budget) },
  tolerance: group.tolerance / 100,
  trustedBefore: group.trustedBefore,
  trustedAfter: group.trustedAfter,
  rules: group.rules.map((plan) => ({
    ...(plan.rule.ruleId === undefined ? {} : { ruleId: plan.rule.ruleId }),
    rule: ruleText(plan.rule),
    status: plan.status,
    reason: plan.reason,
    observedSources: plan.observedSources,
    trustedBefore: plan.trustedBefore,
    trustedAfter: plan.trustedAfter,
    replacements: plan.replacements.map(formatIpv4Cidr),
  })),
  steps: group.steps.map((step) => ({
    authorise: step.authorise.map((rule) => ruleJson.encode(rule)),
    revoke: step.revoke.map((rule) => ruleJson.encode(rule)),
  })),
  trace: group.trace.map((step) =>
    "tolerance" in step ? { ...step, tolerance: step.tolerance / 100 } : step,
  ),
  ...(group.tradeOff === undefined ? {} : { tradeOff: group.tradeOff }),
  warnings: group.warnings,
});

/** The budget's derivation in words, so a reviewer can check the arithmetic. */
const budgetFormula = (budget: Budget): string => {
  const { quota, kept, headroom, available } = budget;
  const why =
    budget.order === "staged"
      ? "one broad rule at a time is replaced (make-before-break)"
      : "every broad rule stays until all replacements are in";
  return `quota ${quota} - kept ${kept} - headroom ${headroom} = ${available}: ${why}`;
};

/**
 * Renders a plan as plan.json: self-describing for a reviewer (every rule's status and
 * reason, budgets with their formula, the collapse trace, trusted addresses before and
 * after) and signed by the snapshot of the groups it touches. Contains no timestamp, so
 * the same inputs always give the same bytes.
 */
export const encodePlanFile = (plan: Plan, snapshot: Snapshot, approved: string) => ({
  format: PLAN_FILE.format,
  version: PLAN_FILE.version,
  evidence: approved,
  settings: {
    ...plan.settings,
    tolerance: plan.settings.tolerance / 100,
    window: {
      from: isoTime.encode(plan.settings.window.from),
      to: isoTime.encode(plan.settings.window.to),
    },
  },
  snapshot,
  totals: plan.totals,
  attribution: plan.attribution,
  groups: plan.groups.map(groupJson),
});
