import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import type { CommandEstate } from "../../estate/command-estate.js";
import { openEstateFromFlags, type EstateScope } from "../../estate/estate-from-flags.js";

/**
 * Chooses the estate compact works on, the one place that decides: the exported estate
 * under `--estate DIR`, otherwise the live account (`--region`, `--profile`), through the
 * same wiring every command uses. `scope` narrows a live read to the groups involved.
 */
export const openCompactEstate = (
  flags: FlagValues,
  io: ConsoleIo,
  scope: EstateScope = {},
): Promise<CommandEstate> => openEstateFromFlags(flags, io, "compact", scope);
