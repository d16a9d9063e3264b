import { join } from "node:path";
import { CliError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { booleanFlag, requiredFlag, stringFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { manifestFileName } from "../../artefacts/manifest.js";
import { PLAN_FILE, plannedChangesCodec } from "../../artefacts/plan-file.js";
import { describeDrift, isIntact, takeSnapshot } from "../../artefacts/snapshot.js";
import { applyChanges } from "../../changes/apply-changes.js";
import { Journal } from "../../changes/journal.js";
import { dryRunApply } from "../../estate/dry-run-apply.js";
import { ESTATE_DETAILS, ESTATE_FLAGS } from "../../estate/estate-flags.js";
import { openEstateFromFlags } from "../../estate/estate-from-flags.js";

/** The tag every rule apply authorises carries: the digest of the plan it came from. */
const PLAN_TAG = "sg-tightener:plan";

/** `sg-tightener apply`: carry out a reviewed plan, group by group, with a manifest. */
export const applyCommand: Command = {
  name: "apply",
  summary: "apply a plan: authorise the tight rules, then revoke the broad ones, per group",
  synopsis: [
    "sg-tightener apply --plan plan.json [--region R] [--profile P] [--dry-run] " +
      "[--manifest-dir DIR]",
    "sg-tightener apply --plan plan.json --estate DIR [--dry-run] [--manifest-dir DIR]",
  ],
  flags: {
    plan: { type: "string", value: "FILE", description: "The plan.json to apply." },
    ...ESTATE_FLAGS,
    "dry-run": {
      type: "boolean",
      description: "Check drift and (live) every call's permission with DryRun; change nothing.",
    },
    "manifest-dir": {
      type: "string",
      value: "DIR",
      description: "Where to write manifest-<UTC>.json (default: the current folder).",
    },
  },
  details: [
    "Refuses, naming every changed rule, when a group the plan touches differs from the " +
      "snapshot the plan was signed with. Each group is all-or-nothing; the first failing " +
      "group halts the run with exit code 5 and the exact revert command. The manifest is " +
      "rewritten after every step, so even a killed run leaves a usable one.",
    "Live, each new rule is tagged sg-tightener:plan=<plan digest>. --dry-run asks EC2 " +
      "with DryRun=true whether every call would be permitted and lists each missing " +
      "permission (exit code 9 if any is missing); with --estate it prints the calls. " +
      "Either way nothing is written and no manifest is made.",
    ESTATE_DETAILS,
  ],
  run: async (flags, _positionals, io) => apply(flags, io),
};

const apply = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const planPath = requiredFlag(flags, "plan", "apply");
  const manifestDir = stringFlag(flags, "manifest-dir") ?? ".";

  const planned = await readArtefact(planPath, PLAN_FILE, plannedChangesCodec);
  if (!isIntact(planned.snapshot)) {
    throw new CliError(
      `${planPath} was edited after it was built: its snapshot no longer matches its ` +
        "digest. Build the plan again.",
      ExitCode.input,
    );
  }

  const estate = await openEstateFromFlags(flags, io, "apply", {
    groupIds: planned.snapshot.groups.map((group) => group.groupId),
    ruleTags: { [PLAN_TAG]: planned.snapshot.digest },
  });
  const current = takeSnapshot(
    (await estate.read()).groups,
    planned.snapshot.groups.map((group) => group.groupId),
  );
  if (current.digest !== planned.snapshot.digest) {
    const drift = describeDrift(planned.snapshot, current);
    throw new CliError(
      [
        `Refusing to apply ${planPath}: the estate changed since the plan was built.`,
        ...drift.map((line) => `  ${line}`),
        "Nothing was changed. Run analyse and plan again.",
      ].join("\n"),
      ExitCode.drift,
    );
  }

  const groups = planned.groups.filter((group) => group.steps.length > 0);
  if (booleanFlag(flags, "dry-run")) return dryRunApply(estate, groups, io);
  const startedAt = Math.floor(io.now().getTime() / 1000);
  const manifestPath = join(manifestDir, manifestFileName("manifest", startedAt));
  const journal = new Journal(manifestPath, {
    command: "apply",
    plan: { path: planPath, digest: planned.snapshot.digest },
    estate: estate.describe(),
    startedAt,
  });

  const outcome = await applyChanges(estate, groups, journal, (done, total) =>
    io.status(`apply: ${done}/${total} groups`),
  );
  const finishedAt = Math.floor(io.now().getTime() / 1000);
  const revert = estate.commandLine(`sg-tightener revert --manifest ${manifestPath}`);

  if (outcome.kind === "halted") {
    await journal.finish(finishedAt, { groupId: outcome.groupId, message: outcome.message });
    io.err(`apply halted at ${outcome.groupId}: ${outcome.message}`);
    io.err(`${outcome.groups} of ${groups.length} groups were applied before it and stay applied.`);
    io.err(`Manifest: ${manifestPath}`);
    io.err(`To undo every change: ${revert}`);
    return ExitCode.halted;
  }

  await journal.finish(finishedAt);
  const changes = journal.current.changes.filter((change) => change.state === "done");
  const added = changes.filter((change) => change.action === "authorise").length;
  io.out(
    `Applied ${planPath} to ${groups.length} groups: ${added} rules authorised, ` +
      `${changes.length - added} revoked.`,
  );
  io.out(`Manifest: ${manifestPath}`);
  io.out(`To undo: ${revert}`);
  return ExitCode.ok;
};
