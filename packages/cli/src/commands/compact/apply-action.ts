import { join } from "node:path";
import { checkCompactionSteps, type Inventory } from "@sg/core";
import { CliError, inputError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { booleanFlag, requiredFlag, stringFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import {
  COMPACT_PLAN,
  compactPlanCodec,
  type CompactPlanSteps,
} from "../../artefacts/compact-plan.js";
import { manifestFileName } from "../../artefacts/manifest.js";
import { describeDrift, isIntact, takeSnapshot } from "../../artefacts/snapshot.js";
import { applyChanges } from "../../changes/apply-changes.js";
import { Journal } from "../../changes/journal.js";
import { dryRunApply } from "../../estate/dry-run-apply.js";
import { openCompactEstate } from "./compact-estate.js";

/**
 * `compact apply`: carries out a reviewed compaction plan, merge by merge (authorise the
 * widened block, then revoke what it replaces), refusing when the estate drifted from the
 * plan's snapshot or when an edited merge would drop coverage. Halts at the first failing
 * group, which is left as it was, and prints the revert command; the manifest is written
 * before and after every call. `--dry-run` stops after the checks (live: EC2 DryRun).
 */
export const compactApply = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const planPath = requiredFlag(flags, "plan", "compact apply");
  const manifestDir = stringFlag(flags, "manifest-dir") ?? ".";

  const planned = await readArtefact(planPath, COMPACT_PLAN, compactPlanCodec);
  if (!isIntact(planned.snapshot)) {
    throw inputError(
      `${planPath} was edited after it was built: its snapshot no longer matches its ` +
        "digest. Build the plan again.",
    );
  }
  const estate = await openCompactEstate(withPlanQuota(flags, planned), io, {
    groupIds: planned.snapshot.groups.map((group) => group.groupId),
    ruleTags: { [PLAN_TAG]: planned.snapshot.digest },
  });
  const inventory = await estate.read();
  refuseDrift(planPath, planned, inventory);
  refuseLostCoverage(planPath, planned, inventory);

  const groups = planned.groups
    .filter((group) => group.merges.length > 0)
    .map((group) => ({ groupId: group.groupId, steps: group.merges }));
  if (booleanFlag(flags, "dry-run")) return dryRunApply(estate, groups, io);

  const startedAt = Math.floor(io.now().getTime() / 1000);
  const manifestPath = join(manifestDir, manifestFileName("compact-manifest", startedAt));
  const journal = new Journal(manifestPath, {
    command: "compact",
    plan: { path: planPath, digest: planned.snapshot.digest },
    estate: estate.describe(),
    startedAt,
  });

  const outcome = await applyChanges(estate, groups, journal, (done, total) =>
    io.status(`compact apply: ${done}/${total} groups`),
  );
  const finishedAt = Math.floor(io.now().getTime() / 1000);
  const revert = estate.commandLine(`sg-tightener compact revert --manifest ${manifestPath}`);

  if (outcome.kind === "halted") {
    await journal.finish(finishedAt, { groupId: outcome.groupId, message: outcome.message });
    io.err(`compact apply halted at ${outcome.groupId}: ${outcome.message}`);
    io.err(`${outcome.groups} of ${groups.length} groups were compacted before it and stay so.`);
    io.err(`Manifest: ${manifestPath}`);
    io.err(`To undo every change: ${revert}`);
    return ExitCode.halted;
  }

  await journal.finish(finishedAt);
  const done = journal.current.changes.filter((change) => change.state === "done");
  const added = done.filter((change) => change.action === "authorise").length;
  const revoked = done.length - added;
  io.out(
    `Compacted ${groups.length} groups with ${planPath}: ${added} blocks authorised, ` +
      `${revoked} rules revoked, ${revoked - added} rules reclaimed.`,
  );
  io.out(`Manifest: ${manifestPath}`);
  io.out(`To undo: ${revert}`);
  return ExitCode.ok;
};

/** The tag every block compact apply authorises carries: the digest of its plan. */
const PLAN_TAG = "sg-tightener:plan";

/** An exported estate enforces the quota the plan was built for, unless told otherwise. */
const withPlanQuota = (flags: FlagValues, planned: CompactPlanSteps): FlagValues =>
  flags.estate === undefined || flags["max-rules"] !== undefined
    ? flags
    : { ...flags, "max-rules": String(planned.settings.maxRules) };

const refuseDrift = (planPath: string, planned: CompactPlanSteps, inventory: Inventory) => {
  const groupIds = planned.snapshot.groups.map((group) => group.groupId);
  const current = takeSnapshot(inventory.groups, groupIds);
  if (current.digest === planned.snapshot.digest) return;

  throw new CliError(
    [
      `Refusing to apply ${planPath}: the estate changed since the plan was built.`,
      ...describeDrift(planned.snapshot, current).map((line) => `  ${line}`),
      "Nothing was changed. Run compact plan again.",
    ].join("\n"),
    ExitCode.drift,
  );
};

/** Refuses a plan whose merges, as edited, would stop admitting an address or leave scope. */
const refuseLostCoverage = (planPath: string, planned: CompactPlanSteps, inventory: Inventory) => {
  const signed = new Set(planned.snapshot.groups.map((group) => group.groupId));
  const problems = planned.groups.flatMap((planGroup) => {
    const group = inventory.groups.find((g) => g.groupId === planGroup.groupId);
    if (!signed.has(planGroup.groupId) || group === undefined) {
      return [`${planGroup.groupId} is not in the plan's snapshot`];
    }
    return checkCompactionSteps(group, planGroup.merges);
  });
  if (problems.length === 0) return;

  throw inputError(
    [`Refusing to apply ${planPath}: its merges do not keep coverage.`, ...problems].join("\n  "),
  );
};
