import { buildPlan, type TimeWindow } from "@sg/core";
import { usageError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import {
  booleanFlag,
  integerFlag,
  listFlag,
  requiredFlag,
  stringFlag,
  timeFlag,
  toleranceFlag,
} from "../../cli/flag-values.js";
import { readArtefact, writeArtefact } from "../../artefacts/artefact-file.js";
import { EVIDENCE_BASE, evidenceBaseCodec } from "../../artefacts/evidence-base.js";
import { MANIFEST, manifestCodec } from "../../artefacts/manifest.js";
import { encodePlanFile } from "../../artefacts/plan-file.js";
import {
  foldExtendManifests,
  type ExtendManifestFile,
} from "../../evidence/fold-extend-manifests.js";
import { takeSnapshot } from "../../artefacts/snapshot.js";
import { ESTATE_DETAILS, ESTATE_FLAGS } from "../../estate/estate-flags.js";
import { openEstateFromFlags } from "../../estate/estate-from-flags.js";
import { planReport } from "../../report/plan-report.js";

const DAY = 86_400;

/** `sg-tightener plan`: the evidence base and the estate in, plan.json out. No writes to AWS. */
export const planCommand: Command = {
  name: "plan",
  summary: "build the tightening plan from the evidence base (writes nothing to the estate)",
  synopsis: [
    "sg-tightener plan --approved approved.json [--region R] [--profile P] [--max-rules N] " +
      "[--tolerance 0.3] --out plan.json",
    "sg-tightener plan --approved approved.json --estate DIR [--max-rules 60] " +
      "[--tolerance 0.3] --out plan.json",
  ],
  flags: {
    approved: { type: "string", value: "FILE", description: "The evidence base from analyse." },
    ...ESTATE_FLAGS,
    out: { type: "string", value: "FILE", description: "Where to write plan.json." },
    tolerance: {
      type: "string",
      value: "T",
      description: "Gap tolerance, 0-0.95 (default 0.3): unobserved share a block may hold.",
    },
    threshold: {
      type: "string",
      value: "N",
      description: "Only rules broader than /N are tightened (default 24).",
    },
    groups: { type: "string", multiple: true, value: "IDS", description: "Only these groups." },
    days: {
      type: "string",
      value: "N",
      description: "Narrow the evidence to the last N days before --now.",
    },
    now: { type: "string", value: "ISO", description: "The end of a --days window." },
    "revoke-unused": {
      type: "boolean",
      description: "Revoke eligible rules with no evidence (default: keep and report).",
    },
    strategy: {
      type: "string",
      value: "NAME",
      description:
        "optimal (default: the fewest addresses for the budget, replaced rule by rule) " +
        "or classic (the original escalation and forced merges, applied all at once).",
    },
    "fold-manifest": {
      type: "string",
      multiple: true,
      value: "FILE",
      description:
        "An extend manifest whose sources join the evidence, so tightening keeps what " +
        "extend opened; repeatable.",
    },
    json: { type: "boolean", description: "Print the plan summary as JSON on stdout." },
  },
  details: [
    "Budget per group: quota - rules kept - broad rules being replaced (they are still " +
      "present while their replacements are authorised). Layer 1 trusts, for each observed " +
      "source, the widest prefix whose unobserved share is within the tolerance; while a " +
      "group is over budget the tolerance rises in 5-point steps to 0.95, then the cheapest " +
      "blocks are merged, with a warning to raise the quota.",
    ESTATE_DETAILS,
  ],
  run: async (flags, _positionals, io) => plan(flags, io),
};

const plan = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const approvedPath = requiredFlag(flags, "approved", "plan");
  const out = requiredFlag(flags, "out", "plan");
  const tolerance = toleranceFlag(flags, "tolerance", 30);
  const threshold = integerFlag(flags, "threshold", 24, { min: 1, max: 32 });
  const groupIds = listFlag(flags, "groups");

  const approved = await readArtefact(approvedPath, EVIDENCE_BASE, evidenceBaseCodec);
  const evidence = foldExtendManifests(
    approved,
    await readManifests(listFlag(flags, "fold-manifest")),
  );
  const estate = await openEstateFromFlags(flags, io, "plan");
  const inventory = await estate.read();

  const window = windowOf(evidence.window, flags);
  const built = buildPlan(inventory, evidence.entries, {
    window,
    tolerance,
    threshold,
    revokeUnused: booleanFlag(flags, "revoke-unused"),
    strategy: strategyFlag(flags),
    ...(groupIds.length === 0 ? {} : { groupIds }),
  });
  const touched = built.groups
    .filter((group) => group.steps.length > 0)
    .map((group) => group.groupId);
  const snapshot = takeSnapshot(inventory.groups, touched);
  await writeArtefact(out, encodePlanFile(built, snapshot, approvedPath));

  if (booleanFlag(flags, "json")) {
    io.out(JSON.stringify({ out, digest: snapshot.digest, totals: built.totals }, null, 2));
  } else {
    for (const line of planReport(built)) io.out(line);
    io.out("");
    io.out(`Wrote ${out} (snapshot sha256 ${snapshot.digest.slice(0, 16)}…). Review it, then:`);
    io.out(`  ${estate.commandLine(`sg-tightener apply --plan ${out}`)}`);
  }
  return ExitCode.ok;
};

const readManifests = async (paths: readonly string[]): Promise<ExtendManifestFile[]> => {
  const manifests: ExtendManifestFile[] = [];
  for (const path of paths) {
    manifests.push({ path, manifest: await readArtefact(path, MANIFEST, manifestCodec) });
  }
  return manifests;
};

const strategyFlag = (flags: FlagValues): "optimal" | "classic" => {
  const strategy = stringFlag(flags, "strategy") ?? "optimal";
  if (strategy !== "optimal" && strategy !== "classic") {
    throw usageError(`--strategy "${strategy}" is not optimal or classic`);
  }
  return strategy;
};

/** The evidence window, narrowed by --days/--now when given. */
const windowOf = (evidence: TimeWindow, flags: FlagValues): TimeWindow => {
  const to = timeFlag(flags, "now") ?? evidence.to;
  const days = stringFlag(flags, "days");
  const from =
    days === undefined
      ? evidence.from
      : to - integerFlag(flags, "days", 90, { min: 1, max: 3650 }) * DAY;
  return { from: Math.max(from, evidence.from), to: Math.min(to, evidence.to) };
};
