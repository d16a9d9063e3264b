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
    `Total trusted address space: ${formatCount(totals.trustedBefore)} → ${formatCount(totals.trustedAfter)}`,
    `Lateral-movement surface area reduction: ${formatPercent(totals.reduction)}`,
    ...(totals.trustedLeftAsIs > 0
      ? [
          `Eligible rules left as they are still trust ${formatCount(totals.trustedLeftAsIs)} addresses.`,
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
          `  ${group.groupId} ${formatTraffic(rule.rule)} from ${formatSource(rule.rule.source)}: ${rule.reason}`,
      ),
  );
  if (notes.length > 0) lines.push("", "Left as they are:", ...notes);

  const warnings = plan.groups.flatMap((group) => group.warnings);
  if (warnings.length > 0) lines.push("", ...warnings.map((warning) => `WARNING: ${warning}`));
  return lines;
};
