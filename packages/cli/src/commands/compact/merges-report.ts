import { formatIpv4Cidr, formatSource, formatTraffic, type GroupCompaction } from "@sg/core";
import { formatCount, formatPercent } from "../../report/numbers.js";
import { renderTable } from "../../report/table.js";

const SHOWN_BLOCKS = 3;

const blocksOf = (sources: readonly string[]): string => {
  const shown = sources.slice(0, SHOWN_BLOCKS).join(", ");
  return sources.length > SHOWN_BLOCKS
    ? `${shown}, … (+${sources.length - SHOWN_BLOCKS} more)`
    : shown;
};

const summaryOf = (group: GroupCompaction): string =>
  `  ${group.groupId}: ${group.rulesBefore} → ${group.rulesAfter} rules ` +
  `(${group.rulesBefore - group.rulesAfter} reclaimed), ` +
  `${formatCount(group.addedAddresses)} addresses added, ` +
  `at most ${group.peakRules} of ${group.quota} rules while applying.`;

/**
 * A compaction at one ratio as a reviewer reads it: each merge (the blocks merged, the
 * block they become, what it adds and its ratio), each group's rules before → after, and
 * every refused group with the reason, so nothing the plan decided goes unsaid.
 */
export const mergesReport = (compactions: readonly GroupCompaction[], ratio: number): string[] => {
  const accepted = compactions.filter((group) => group.refusal === undefined);
  const rows = accepted.flatMap((group) =>
    group.merges.map((merge) => [
      group.groupId,
      formatTraffic(merge.rule),
      blocksOf(merge.replaced.map((rule) => formatSource(rule.source))),
      `${formatIpv4Cidr(merge.into)}${merge.kind === "absorbed" ? " (kept)" : ""}`,
      formatCount(merge.addedAddresses),
      formatPercent(merge.ratio),
    ]),
  );

  const lines = [`Compaction at ratio ${(ratio / 100).toFixed(2)}:`, ""];
  if (rows.length === 0) {
    lines.push("Nothing to compact: no merge fits within the ratio.");
  } else {
    const headers = ["GROUP", "TRAFFIC", "MERGED", "INTO", "ADDED", "RATIO"];
    lines.push(...renderTable(headers, rows, new Set([4, 5])), "");
    lines.push(...accepted.filter((group) => group.merges.length > 0).map(summaryOf));
  }

  const refused = compactions.filter((group) => group.refusal !== undefined);
  if (refused.length > 0) {
    lines.push("", ...refused.map((group) => `REFUSED: ${group.refusal}`));
  }
  return lines;
};
