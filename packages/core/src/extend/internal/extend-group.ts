import { blockContains, formatIpv4Cidr } from "../../address/ipv4-cidr.js";
import { collapseClassic } from "../../collapse/collapse-classic.js";
import type { Collapse } from "../../collapse/collapse.js";
import type { TolerancePercent } from "../../collapse/tolerance.js";
import { sortedUniqueAddresses } from "../../internal/sorted-addresses.js";
import type { SecurityGroup } from "../../inventory/inventory.js";
import { ipv4QuotaCost } from "../../plan/budget.js";
import { compareRules } from "../../rule/rule-order.js";
import type { Rule } from "../../rule/rule.js";
import type { ExtendedSource, GroupExtension, UnadmittedSource } from "../extension.js";
import { compareItems, type ExtensionItem } from "./extension-item.js";
import { extensionRule } from "./extension-rule.js";

/** One group's extension, and what it admitted and left out. */
export interface GroupOutcome {
  readonly extension: GroupExtension;
  readonly extended: readonly ExtendedSource[];
  readonly unadmitted: readonly UnadmittedSource[];
}

const QUOTA_CODE = "Service Quotas code L-0EA8095F";

/**
 * Extends one group within what its quota leaves free (quota − rules in use, since
 * nothing is revoked). Every item needs one rule at least; when there are more items
 * than free rules, those behind the most rejected records go first and the rest are
 * reported. Private items are collapsed with the classic layers inside their RFC 1918
 * block, in the rules the public blocks leave.
 */
export const extendGroup = (
  group: SecurityGroup,
  quota: number,
  items: readonly ExtensionItem[],
  tolerance: TolerancePercent,
  label: string | undefined,
): GroupOutcome => {
  const inUse = group.rules.reduce((sum, rule) => sum + ipv4QuotaCost(rule), 0);
  const available = Math.max(0, quota - inUse);
  const { chosen, left } = fitItems(items, available);

  const privates = chosen.filter((item) => item.kind === "private");
  const publics = chosen.filter((item) => item.kind === "public");
  const collapse = collapsePrivate(privates, available - publics.length, tolerance);

  const admitted: { rule: Rule; item: ExtensionItem }[] = [];
  privates.forEach((item, index) => {
    for (const block of collapse?.blocks[index] ?? []) {
      const inside = item.blocked.filter(({ attempt }) => blockContains(block, attempt.source));
      const sources = new Set(inside.map(({ attempt }) => attempt.source)).size;
      const text = `${sources} rejected ${sources === 1 ? "source" : "sources"}`;
      admitted.push({ rule: extensionRule(group.groupId, item.traffic, block, text, label), item });
    }
  });
  for (const item of publics) {
    const rule = extensionRule(group.groupId, item.traffic, item.block, item.text, label);
    admitted.push({ rule, item });
  }

  const extension: GroupExtension = {
    groupId: group.groupId,
    ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
    quota,
    inUse,
    available,
    authorise: admitted.map(({ rule }) => rule).sort(compareRules),
    tolerance: collapse?.tolerance ?? tolerance,
    trace: collapse?.trace ?? [],
    warnings: warningsOf(group.groupId, { quota, inUse, available }, left, collapse),
  };
  return {
    extension,
    extended: extendedBy(group.groupId, admitted),
    unadmitted: left.flatMap((item) =>
      item.blocked.map((blocked) => ({
        blocked,
        reason: "over-budget" as const,
        detail:
          `${group.groupId} has ${available} of its ${quota} rules free, too few for every ` +
          "addition; run compact to reclaim budget, or raise the quota",
      })),
    ),
  };
};

/** Keeps every item when they fit, else the `available` items behind the most records. */
const fitItems = (
  items: readonly ExtensionItem[],
  available: number,
): { chosen: ExtensionItem[]; left: ExtensionItem[] } => {
  if (items.length <= available) return { chosen: [...items], left: [] };

  const ranked = [...items].sort((a, b) => b.weight - a.weight || compareItems(a, b));
  const kept = new Set(ranked.slice(0, available));
  return {
    chosen: items.filter((item) => kept.has(item)),
    left: items.filter((item) => !kept.has(item)),
  };
};

const collapsePrivate = (
  items: readonly ExtensionItem[],
  budget: number,
  tolerance: TolerancePercent,
): Collapse | undefined => {
  if (items.length === 0) return undefined;

  const evidence = items.map((item) => ({
    label: `${item.traffic.protocol}/${item.traffic.port} in ${formatIpv4Cidr(item.block)}`,
    block: item.block,
    sources: sortedUniqueAddresses(item.blocked.map(({ attempt }) => attempt.source)),
  }));
  return collapseClassic(evidence, budget, tolerance);
};

/** Each admitted source with the rule of its item that holds it. */
const extendedBy = (
  groupId: string,
  admitted: readonly { rule: Rule; item: ExtensionItem }[],
): ExtendedSource[] =>
  admitted.flatMap(({ rule, item }) =>
    item.blocked
      .filter(({ attempt }) => {
        const { source } = rule;
        return source.kind === "cidr" && source.cidr.family === "ipv4"
          ? blockContains(source.cidr, attempt.source)
          : false;
      })
      .map((blocked) => ({ blocked, groupId, rule })),
  );

const warningsOf = (
  groupId: string,
  budget: { quota: number; inUse: number; available: number },
  left: readonly ExtensionItem[],
  collapse: Collapse | undefined,
): string[] => {
  const warnings: string[] = [];
  if (left.length > 0) {
    warnings.push(
      `${groupId}: ${budget.inUse} of ${budget.quota} rules are in use, so ${left.length} ` +
        `additions did not fit the ${budget.available} free; run 'sg-tightener compact' to ` +
        `reclaim budget, or raise the quota (${QUOTA_CODE})`,
    );
  }

  const merges = (collapse?.trace ?? []).filter((step) => step.kind === "forced-merge");
  const added = merges.reduce((sum, step) => sum + step.addedAddresses, 0);
  if (merges.length > 0) {
    warnings.push(
      `${groupId}: to fit ${budget.available} free rules, ${merges.length} forced merges ` +
        `trust ${added} addresses no REJECT came from; run 'sg-tightener compact' to ` +
        `reclaim budget, or raise the quota (${QUOTA_CODE})`,
    );
  }
  return warnings;
};
