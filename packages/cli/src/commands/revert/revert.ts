import { describeRule } from "@sg/core";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { integerFlag, requiredFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { MANIFEST, manifestCodec } from "../../artefacts/manifest.js";
import { revertChanges } from "../../changes/revert-changes.js";
import { injectedFault } from "../../estate/injected-fault.js";
import { openLocalEstate } from "../../estate/open-estate.js";

/** `sg-tightener revert`: undo every change a manifest records. */
export const revertCommand: Command = {
  name: "revert",
  summary: "undo every change recorded in a manifest (apply, extend or compact)",
  synopsis: ["sg-tightener revert --manifest manifest-<UTC>.json --estate DIR"],
  flags: {
    manifest: { type: "string", value: "FILE", description: "The manifest to undo." },
    "max-rules": {
      type: "string",
      value: "N",
      description: "The exported estate's inbound rule quota per group (default 60).",
    },
    estate: { type: "string", value: "DIR", description: "The exported estate to restore." },
  },
  details: [
    "Restores every revoked rule exactly (protocol, ports, CIDR, description) and revokes " +
      "every rule the run added. Rules already as they were are skipped, so running it " +
      "twice is safe. Exit code 6 lists anything that could not be restored.",
  ],
  run: async (flags, _positionals, io) => revert(flags, io),
};

const revert = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const manifestPath = requiredFlag(flags, "manifest", "revert");
  const estateDir = requiredFlag(flags, "estate", "revert");

  const manifest = await readArtefact(manifestPath, MANIFEST, manifestCodec);
  const estate = await openLocalEstate(estateDir, {
    quota: integerFlag(flags, "max-rules", 60, { min: 1, max: 1000 }),
    ...injectedFault(io.env),
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
