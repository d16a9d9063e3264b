import { DEFAULT_TOLERANCE, type TolerancePercent } from "../collapse/tolerance.js";
import { attributeEvidence } from "../evidence/attribution.js";
import type { EvidenceEntry, TimeWindow } from "../evidence/evidence.js";
import { compareText } from "../internal/compare-text.js";
import type { Inventory } from "../inventory/inventory.js";
import { DEFAULT_ELIGIBILITY_THRESHOLD } from "../rule/eligibility.js";
import type { GroupPlan, Plan, PlanSettings, PlanTotals } from "./plan.js";
import { planGroup } from "./plan-group.js";

/** What to plan and how; everything but the window has the original tool's default. */
export interface PlanOptions {
  /** Only evidence seen inside this window counts. */
  readonly window: TimeWindow;
  /** Gap tolerance in whole percent (default 30). */
  readonly tolerance?: TolerancePercent;
  /** Rules at this prefix length or narrower are left alone (default 24). */
  readonly threshold?: number;
  /** Revoke eligible rules with no evidence in the window (default false: keep them). */
  readonly revokeUnused?: boolean;
  /** `optimal` (default) or `classic`; see {@link PlanSettings.strategy}. */
  readonly strategy?: "optimal" | "classic";
  /** Plan only these groups (default: every group). */
  readonly groupIds?: readonly string[];
}

/**
 * Builds the tightening plan for an estate from its evidence. Pure and deterministic:
 * the same inventory, evidence and options give the same plan, in whatever order the
 * evidence arrives. The plan never widens a rule, never drops an observed source, and
 * never takes a group over its quota at any point of an authorise-then-revoke apply.
 *
 * @example
 * const plan = buildPlan(inventory, evidence, { window: { from: 0, to: 2_000_000_000 } });
 * plan.totals.reduction; // 0.9996…
 */
export const buildPlan = (
  inventory: Inventory,
  evidence: readonly EvidenceEntry[],
  options: PlanOptions,
): Plan => {
  const settings: PlanSettings = {
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    threshold: options.threshold ?? DEFAULT_ELIGIBILITY_THRESHOLD,
    window: options.window,
    revokeUnused: options.revokeUnused ?? false,
    strategy: options.strategy ?? "optimal",
  };
  const attribution = attributeEvidence(inventory, evidence, settings.window, settings.threshold);

  const wanted = options.groupIds === undefined ? undefined : new Set(options.groupIds);
  const groups = [...inventory.groups]
    .filter((group) => wanted === undefined || wanted.has(group.groupId))
    .sort((a, b) => compareText(a.groupId, b.groupId))
    .flatMap((group) => {
      const quota = inventory.quotaByGroup?.[group.groupId] ?? inventory.defaultQuota;
      const sources = attribution.sourcesByGroup.get(group.groupId) ?? [];
      return planGroup(group, quota, sources, settings) ?? [];
    });

  return { settings, groups, totals: totalsOf(groups), attribution: attribution.stats };
};

const totalsOf = (groups: readonly GroupPlan[]): PlanTotals => {
  const trustedBefore = groups.reduce((sum, group) => sum + group.trustedBefore, 0);
  const trustedAfter = groups.reduce((sum, group) => sum + group.trustedAfter, 0);
  const changed = groups.filter((group) => group.authorise.length + group.revoke.length > 0);
  return {
    trustedBefore,
    trustedAfter,
    reduction: trustedBefore === 0 ? 0 : (trustedBefore - trustedAfter) / trustedBefore,
    trustedLeftAsIs: groups.reduce((sum, group) => sum + group.trustedLeftAsIs, 0),
    groupsChanged: changed.length,
    rulesRevoked: groups.reduce((sum, group) => sum + group.revoke.length, 0),
    rulesAuthorised: groups.reduce((sum, group) => sum + group.authorise.length, 0),
  };
};
