import { describeRule } from "@sg/core";
import { basename } from "node:path";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { requiredFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { MANIFEST, manifestCodec } from "../../artefacts/manifest.js";
import { revertChanges } from "../../changes/revert-changes.js";
import { ESTATE_DETAILS, ESTATE_FLAGS } from "../../estate/estate-flags.js";
import { openEstateFromFlags } from "../../estate/estate-from-flags.js";

/** `sg-tightener revert`: undo every change a manifest records. */
export const revertCommand: Command = {
  name: "revert",
  summary: "undo every change recorded in a manifest (apply, extend or compact)",
  synopsis: [
    "sg-tightener revert --manifest manifest-<UTC>.json [--region R] [--profile P]",
    "sg-tightener revert --manifest manifest-<UTC>.json --estate DIR",
  ],
  flags: {
    manifest: { type: "string", value: "FILE", description: "The manifest to undo." },
    ...ESTATE_FLAGS,
  },
  details: [
    "Restores every revoked rule exactly (protocol, ports, CIDR, description) and revokes " +
      "every rule the run added. Rules already as they were are skipped, so running it " +
      "twice is safe. Exit code 6 lists anything that could not be restored. Live, " +
      "restored rules are tagged sg-tightener:manifest=<manifest file name>.",
    ESTATE_DETAILS,
  ],
  run: async (flags, _positionals, io) => revert(flags, io),
};

const revert = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const manifestPath = requiredFlag(flags, "manifest", "revert");

  const manifest = await readArtefact(manifestPath, MANIFEST, manifestCodec);
  const estate = await openEstateFromFlags(flags, io, "revert", {
    groupIds: [...new Set(manifest.changes.map((change) => change.groupId))],
    ruleTags: { "sg-tightener:manifest": basename(manifestPath) },
  });
  const outcome = await revertChanges(await estate.read(), estate, manifest.changes);

  io.out(
    `Reverted ${manifestPath}: ${outcome.restored.length} rules restored, ` +
      `${outcome.removed.length} revoked, ${outcome.alreadyReverted} already as they were.`,
  );
  for (const rule of outcome.restored) io.out(`  restored ${rule.groupId} ${describeRule(rule)}`);
  if (outcome.failures.length === 0) return ExitCode.ok;

  io.err("Could not restore everything:");
  for (const failure of outcome.failures) io.err(`  ${failure}`);
  return ExitCode.incompleteRevert;
};
