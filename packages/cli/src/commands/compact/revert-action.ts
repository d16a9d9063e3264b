import { inputError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import type { ExitCode } from "../../cli/exit-codes.js";
import { requiredFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { MANIFEST, manifestCodec } from "../../artefacts/manifest.js";
import { revertCommand } from "../revert/revert.js";

/**
 * `compact revert`: checks that the manifest records a compaction, then undoes it exactly
 * as `sg-tightener revert` does: in the reverse order of the apply, each merge's replaced
 * rules going back in before its widened block comes out, so the group never holds more
 * rules than it did while compacting. Safe to run twice.
 */
export const compactRevert = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const manifestPath = requiredFlag(flags, "manifest", "compact revert");

  const manifest = await readArtefact(manifestPath, MANIFEST, manifestCodec);
  if (manifest.command !== "compact") {
    throw inputError(
      `${manifestPath} records a ${manifest.command} run, not a compaction; undo it with ` +
        `sg-tightener revert --manifest ${manifestPath}`,
    );
  }
  return revertCommand.run(flags, [], io);
};
