import type { QuotaUse, SweepPoint } from "@sg/core";
import { formatCount, formatPercent } from "../../report/numbers.js";
import { renderTable } from "../../report/table.js";

/** One ranked group and its sweep, as plan mode without a ratio reports it. */
export interface SweptGroup {
  readonly use: QuotaUse;
  readonly candidates: number;
  readonly sweep: readonly SweepPoint[];
}

const nameOf = (use: QuotaUse): string =>
  use.groupName === undefined ? use.groupId : `${use.groupId} (${use.groupName})`;

const sweepTable = (group: SweptGroup): string[] => {
  if (group.candidates === 0) return ["  No IPv4 RFC 1918 CIDR rules: nothing to compact."];

  const rows = group.sweep.map((point) => [
    (point.ratio / 100).toFixed(1),
    `${point.rulesBefore} → ${point.rulesAfter}`,
    formatCount(point.reclaimed),
    formatCount(point.addedAddresses),
    formatCount(point.widened),
    point.refused ? "refused: no free rule slot" : "",
  ]);
  const headers = ["RATIO", "RULES", "RECLAIMED", "ADDED", "WIDENED", "NOTE"];
  return renderTable(headers, rows, new Set([2, 3, 4])).map((line) => `  ${line}`);
};

/**
 * The table an operator decides from: the groups nearest their quota, then for each the
 * rules before → after and the addresses added at every ratio of the sweep, and how to
 * write a plan at the ratio chosen (`planFlags` name the output and the estate).
 */
export const sweepReport = (groups: readonly SweptGroup[], planFlags: string): string[] => {
  if (groups.length === 0) return ["No security groups to rank."];

  const ranking = renderTable(
    ["GROUP", "RULES", "QUOTA", "USE", "CANDIDATES"],
    groups.map(({ use, candidates }) => [
      nameOf(use),
      formatCount(use.used),
      formatCount(use.quota),
      formatPercent(use.share),
      formatCount(candidates),
    ]),
    new Set([1, 2, 3, 4]),
  );
  const sweeps = groups.flatMap((group) => [
    "",
    `${nameOf(group.use)}: ${group.use.used} of ${group.use.quota} rules`,
    ...sweepTable(group),
  ]);

  return [
    "Groups nearest their inbound rule quota (IPv4 cost; prefix lists at their weight):",
    "",
    ...ranking,
    ...sweeps,
    "",
    "RATIO bounds the share of a widened block that no existing rule of its protocol and " +
      "ports admitted; ADDED is the addresses the widened blocks admit that no rule did.",
    `Write a plan to review: sg-tightener compact plan --ratio R ${planFlags}`,
  ];
};
