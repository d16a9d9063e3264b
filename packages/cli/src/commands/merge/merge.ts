import { usageError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { listFlag, requiredFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { writeEvidenceBase } from "../../artefacts/write-evidence-base.js";
import { EVIDENCE_BASE, evidenceBaseCodec } from "../../artefacts/evidence-base.js";
import { formatCount, formatTime } from "../../report/numbers.js";
import { mergeEvidenceBases } from "./merge-bases.js";

/** `sg-tightener merge`: several evidence bases in, one out. */
export const mergeCommand: Command = {
  name: "merge",
  summary: "merge evidence bases (for example one per account) into one approved.json",
  synopsis: ["sg-tightener merge --approved a.json --approved b.json [...] --out approved.json"],
  flags: {
    approved: {
      type: "string",
      multiple: true,
      value: "FILE",
      description: "An evidence base to merge; repeatable (or comma-separated).",
    },
    out: { type: "string", value: "FILE", description: "Where to write the merged base." },
  },
  details: [
    "Entries for the same interface, destination, protocol, port and source become one: " +
      "first seen is the earliest, last seen the latest, counts are added and provenance " +
      "joined. The window spans every input's. Merging is associative and does not depend " +
      "on the order of the inputs.",
  ],
  run: async (flags, _positionals, io) => merge(flags, io),
};

const merge = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const paths = listFlag(flags, "approved");
  if (paths.length < 2) {
    throw usageError("sg-tightener merge: give at least two --approved files to merge");
  }
  const out = requiredFlag(flags, "out", "merge");

  const bases = [];
  for (const path of paths) bases.push(await readArtefact(path, EVIDENCE_BASE, evidenceBaseCodec));
  const merged = mergeEvidenceBases(bases);
  await writeEvidenceBase(out, merged);

  const before = bases.reduce((sum, base) => sum + base.entries.length, 0);
  io.out(
    `Merged ${paths.length} evidence bases (${formatCount(before)} entries) into ` +
      `${formatCount(merged.entries.length)} entries.`,
  );
  io.out(
    `Wrote ${out} (window ${formatTime(merged.window.from)} to ${formatTime(merged.window.to)}).`,
  );
  return ExitCode.ok;
};
