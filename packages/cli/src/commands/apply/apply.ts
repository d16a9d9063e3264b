import { join } from "node:path";
import { CliError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { integerFlag, requiredFlag, stringFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { manifestFileName } from "../../artefacts/manifest.js";
import { PLAN_FILE, plannedChangesCodec } from "../../artefacts/plan-file.js";
import { describeDrift, isIntact, takeSnapshot } from "../../artefacts/snapshot.js";
import { applyChanges } from "../../changes/apply-changes.js";
import { Journal } from "../../changes/journal.js";
import { injectedFault } from "../../estate/injected-fault.js";
import { openLocalEstate } from "../../estate/open-estate.js";

/** `sg-tightener apply`: carry out a reviewed plan, group by group, with a manifest. */
export const applyCommand: Command = {
  name: "apply",
  summary: "apply a plan: authorise the tight rules, then revoke the broad ones, per group",
  synopsis: ["sg-tightener apply --plan plan.json --estate DIR [--manifest-dir DIR]"],
  flags: {
    plan: { type: "string", value: "FILE", description: "The plan.json to apply." },
    "max-rules": {
      type: "string",
      value: "N",
      description: "The exported estate's inbound rule quota per group (default 60).",
    },
    estate: { type: "string", value: "DIR", description: "The exported estate to change." },
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
  ],
  run: async (flags, _positionals, io) => apply(flags, io),
};

const apply = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const planPath = requiredFlag(flags, "plan", "apply");
  const estateDir = requiredFlag(flags, "estate", "apply");
  const manifestDir = stringFlag(flags, "manifest-dir") ?? ".";

  const planned = await readArtefact(planPath, PLAN_FILE, plannedChangesCodec);
  if (!isIntact(planned.snapshot)) {
    throw new CliError(
      `${planPath} was edited after it was built: its snapshot no longer matches its ` +
        "digest. Build the plan again.",
      ExitCode.input,
    );
  }

  const estate = await openLocalEstate(estateDir, {
    quota: integerFlag(flags, "max-rules", 60, { min: 1, max: 1000 }),
    ...injectedFault(io.env),
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
  const revert = `sg-tightener revert --manifest ${manifestPath} --estate ${estateDir}`;

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
    `Applied ${planPath} to ${groups.length} groups: ${added} rules authorised, ${changes.length - added} revoked.`,
  );
  io.out(`Manifest: ${manifestPath}`);
  io.out(`To undo: ${revert}`);
  return ExitCode.ok;
};
