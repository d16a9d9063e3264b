import { formatIpv4Cidr, formatSource, formatTraffic, type Plan, type RulePlan } from "@sg/core";
import { formatCount, formatPercent } from "./numbers.js";
import { renderTable } from "./table.js";

const SHOWN_BLOCKS = 4;

const afterOf = (plan: RulePlan): string => {
  if (plan.status !== "tightened")
    return plan.status === "unused-revoked" ? "(revoked)" : "(unchanged)";
  const blocks = plan.replacements.map(formatIpv4Cidr);
  const shown = blocks.slice(0, SHOWN_BLOCKS).join(", ");
  return blocks.length > SHOWN_BLOCKS
    ? `${shown}, … (+${blocks.length - SHOWN_BLOCKS} more)`
    : shown;
};

/**
 * The plan as the overview shows it: each eligible rule's CIDR before and after with the
 * addresses it trusts, then the totals and the lateral-movement reduction, then every
 * rule left alone and every warning, so nothing the plan decided goes unsaid.
 */
export const planReport = (plan: Plan): string[] => {
  const rows = plan.groups.flatMap((group) =>
    group.rules
      .filter((rule) => rule.status !== "kept")
      .map((rule) => [
        group.groupId,
        formatTraffic(rule.rule),
        formatSource(rule.rule.source),
        afterOf(rule),
        `${formatCount(rule.trustedBefore)} → ${formatCount(rule.trustedAfter)}`,
        rule.status,
      ]),
  );
  if (rows.length === 0) {
    return ["No eligible rules: every private rule is already at or narrower than the threshold."];
  }

  const { totals } = plan;
  const lines = [
    ...renderTable(["GROUP", "PORT", "BEFORE", "AFTER", "TRUSTED", "STATUS"], rows, new Set([4])),
    "",
    `Total trusted address space: ${formatCount(totals.trustedBefore)} → ` +
      formatCount(totals.trustedAfter),
    `Lateral-movement surface area reduction: ${formatPercent(totals.reduction)}`,
    ...(totals.trustedLeftAsIs > 0
      ? [
          `Eligible rules left as they are still trust ` +
            `${formatCount(totals.trustedLeftAsIs)} addresses.`,
        ]
      : []),
    `Changes: ${totals.rulesAuthorised} rules to authorise, ${totals.rulesRevoked} to revoke, ` +
      `in ${totals.groupsChanged} groups.`,
  ];

  const notes = plan.groups.flatMap((group) =>
    group.rules
      .filter((rule) => ["unused", "skipped", "unchanged"].includes(rule.status))
      .map(
        (rule) =>
          `  ${group.groupId} ${formatTraffic(rule.rule)} from ` +
          `${formatSource(rule.rule.source)}: ${rule.reason}`,
      ),
  );
  if (notes.length > 0) lines.push("", "Left as they are:", ...notes);

  lines.push(...quotaLines(plan));

  const warnings = plan.groups.flatMap((group) => group.warnings);
  if (warnings.length > 0) lines.push("", ...warnings.map((warning) => `WARNING: ${warning}`));
  return lines;
};

/**
 * What more quota would buy each group the budget constrains, and where an increase
 * pays off most: the group whose next rule saves the most addresses.
 */
const quotaLines = (plan: Plan): string[] => {
  const constrained = plan.groups.flatMap((group) =>
    group.tradeOff === undefined ? [] : [{ groupId: group.groupId, ...group.tradeOff }],
  );
  if (constrained.length === 0) return [];

  const lines = ["", "Rule quota trade-off (exact, per group the budget constrains):"];
  for (const group of constrained) {
    const next = group.moreRules[0];
    const tenth = group.moreRules[group.moreRules.length - 1];
    const reach =
      group.extraRulesForFloor === undefined
        ? ""
        : `; ${group.extraRulesForFloor} more reach the evidence floor of ` +
          formatCount(group.floor);
    const more =
      next === undefined || tenth === undefined
        ? ""
        : `; 1 more rule: ${formatCount(next.trusted)}, ` +
          `${tenth.extra} more: ${formatCount(tenth.trusted)}`;
    lines.push(
      `  ${group.groupId}: ${group.budget} replacement rules trust ` +
        `${formatCount(group.trusted)}${more}${reach}`,
    );
  }

  const best = constrained
    .map((group) => ({
      group,
      saves: group.trusted - (group.moreRules[0]?.trusted ?? group.trusted),
    }))
    .sort((a, b) => b.saves - a.saves)[0]!;
  if (best.saves > 0) {
    lines.push(
      `A quota increase pays off most in ${best.group.groupId}: its next rule saves ` +
        `${formatCount(best.saves)} addresses.`,
    );
  }
  return lines;
};
