import {
  compactGroup,
  compactionSweep,
  rankByQuotaUse,
  type Inventory,
  type QuotaUse,
} from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { booleanFlag, integerFlag, listFlag, stringFlag } from "../../cli/flag-values.js";
import { writeArtefact } from "../../artefacts/artefact-file.js";
import { encodeCompactPlan, RATIO_DEFINITION } from "../../artefacts/compact-plan.js";
import { takeSnapshot } from "../../artefacts/snapshot.js";
import type { CommandEstate } from "../../estate/command-estate.js";
import { openCompactEstate } from "./compact-estate.js";
import { mergesReport } from "./merges-report.js";
import { ratioFlag } from "./ratio-flag.js";
import { sweepReport, type SweptGroup } from "./sweep-report.js";

/**
 * `compact plan`: ranks the groups nearest their quota and, without `--ratio`, sweeps the
 * ratios for each; with `--ratio`, compacts them at that ratio and, with `--out`, writes
 * the plan to review. Never writes to the estate.
 */
export const compactPlan = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const ratio = ratioFlag(flags);
  const out = stringFlag(flags, "out");
  if (out !== undefined && ratio === undefined) {
    throw usageError(
      "sg-tightener compact plan: --out writes a plan at one ratio; add --ratio R " +
        "(run without --out first to see what each ratio reclaims).",
    );
  }

  const estate = await openCompactEstate(flags, io);
  const inventory = await estate.read();
  const ranked = selectGroups(inventory, flags);

  if (ratio === undefined) {
    const swept = ranked.map((use) => sweptGroup(inventory, use));
    io.out(
      booleanFlag(flags, "json")
        ? JSON.stringify(sweepJson(swept), null, 2)
        : sweepReport(swept, estate.commandLine("--out compact-plan.json")).join("\n"),
    );
    return ExitCode.ok;
  }
  return planAtRatio({ inventory, ranked, ratio, out, estate, flags, io });
};

/** Compacts the ranked groups at one ratio, reports it and writes the plan when asked. */
const planAtRatio = async (at: {
  inventory: Inventory;
  ranked: readonly QuotaUse[];
  ratio: number;
  out: string | undefined;
  estate: CommandEstate;
  flags: FlagValues;
  io: ConsoleIo;
}): Promise<ExitCode> => {
  const { inventory, ratio, out, io } = at;
  const compactions = at.ranked.map((use) =>
    compactGroup(groupOf(inventory, use), use.quota, ratio),
  );
  const changed = compactions.filter((g) => g.refusal === undefined && g.merges.length > 0);
  const snapshot = takeSnapshot(
    inventory.groups,
    changed.map((group) => group.groupId),
  );
  const settings = { ratio, maxRules: inventory.defaultQuota };
  const document = encodeCompactPlan(compactions, snapshot, settings);
  if (out !== undefined) await writeArtefact(out, document);

  if (booleanFlag(at.flags, "json")) {
    const { groups, refused, totals } = document;
    const summary = { out, digest: snapshot.digest, ratio: ratio / 100, totals, groups, refused };
    io.out(JSON.stringify(summary, null, 2));
    return ExitCode.ok;
  }
  io.out(mergesReport(compactions, ratio).join("\n"));
  if (out !== undefined) {
    io.out("");
    io.out(`Wrote ${out} (snapshot sha256 ${snapshot.digest.slice(0, 16)}…). Review it, then:`);
    io.out(`  ${at.estate.commandLine(`sg-tightener compact apply --plan ${out}`)}`);
  }
  return ExitCode.ok;
};

/** The groups to look at: `--groups` (all of them) or the `--top` nearest their quota. */
const selectGroups = (inventory: Inventory, flags: FlagValues): QuotaUse[] => {
  const groupIds = listFlag(flags, "groups");
  const known = new Set(inventory.groups.map((group) => group.groupId));
  const unknown = groupIds.filter((groupId) => !known.has(groupId));
  if (unknown.length > 0) {
    throw inputError(
      `sg-tightener compact plan: --groups names ${unknown.join(", ")}, not in the estate`,
    );
  }

  const fallback = groupIds.length > 0 ? groupIds.length : 10;
  const top = integerFlag(flags, "top", fallback, { min: 1, max: 100_000 });
  return rankByQuotaUse(inventory, groupIds.length > 0 ? groupIds : undefined).slice(0, top);
};

const groupOf = (inventory: Inventory, use: QuotaUse) =>
  inventory.groups.find((group) => group.groupId === use.groupId)!;

const sweptGroup = (inventory: Inventory, use: QuotaUse): SweptGroup => {
  const group = groupOf(inventory, use);
  const candidates = compactGroup(group, use.quota, 0).candidates;
  return { use, candidates, sweep: compactionSweep(group, use.quota) };
};

const sweepJson = (groups: readonly SweptGroup[]) => ({
  ratioDefinition: RATIO_DEFINITION,
  groups: groups.map(({ use, candidates, sweep }) => ({
    ...use,
    candidates,
    sweep: sweep.map((point) => ({ ...point, ratio: point.ratio / 100 })),
  })),
});
