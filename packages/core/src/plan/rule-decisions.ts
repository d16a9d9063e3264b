import { blockSize, sameBlock, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { IneligibleReason } from "../rule/eligibility.js";
import type { Rule } from "../rule/rule.js";
import type { RulePlan } from "./plan.js";

/** A rule of the group as the planner sees it: eligible (with its block) or not. */
export interface PlannedRule {
  readonly index: number;
  readonly rule: Rule;
  readonly block?: Ipv4Cidr;
  readonly ineligible?: IneligibleReason;
  readonly sources: Uint32Array;
}

/** Why a rule was skipped, when the budget chose others. */
export type SkipReason = (available: number) => string;

const KEPT_REASONS: Record<IneligibleReason, string> = {
  "group-reference": "group reference: kept and counted",
  "prefix-list": "prefix list: kept and counted at its maximum entries",
  ipv6: "IPv6: kept (only IPv4 private rules are tightened)",
  "not-private": "not a subset of one RFC 1918 block: kept",
  "already-tight": "at or narrower than the eligibility threshold: kept",
};

/**
 * The status of every rule of a group, before duplicates are reconciled: kept when not
 * eligible, unused (or revoked when asked) without evidence, skipped when the budget went
 * to other rules, unchanged when its evidence fills it, otherwise tightened to `blocks`.
 */
export const decideRules = (
  entries: readonly PlannedRule[],
  blocks: ReadonlyMap<number, readonly Ipv4Cidr[]>,
  revokedUnused: ReadonlySet<number>,
  skipReason: string,
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
    const chosen = blocks.get(entry.index);
    if (revokedUnused.has(entry.index)) {
      const reason = "no evidence in the window: revoked as the operator asked";
      return { ...sized, status: "unused-revoked", reason, trustedAfter: 0 };
    }
    if (entry.sources.length === 0) {
      const reason = "no evidence in the window: kept and reported, never silently revoked";
      return { ...sized, status: "unused", reason };
    }
    if (chosen === undefined) {
      return { ...sized, status: "skipped", reason: skipReason };
    }
    if (chosen.length === 1 && sameBlock(chosen[0]!, block)) {
      return { ...sized, status: "unchanged", reason: "the evidence fills the whole rule" };
    }

    const after = chosen.reduce((sum, b) => sum + blockSize(b), 0);
    const reason = `${entry.sources.length} observed sources fit in ${chosen.length} blocks`;
    return { ...sized, status: "tightened", reason, trustedAfter: after, replacements: chosen };
  });
