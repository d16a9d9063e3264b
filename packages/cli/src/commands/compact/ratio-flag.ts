import { usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import { stringFlag } from "../../cli/flag-values.js";

/**
 * `--ratio` as a fraction (`0.5`) or a percentage (`50%`), returned in whole percent
 * 0 … 100, or `undefined` when absent. Whole percents keep the ratio test exact and the
 * plan reproducible.
 */
export const ratioFlag = (flags: FlagValues): number | undefined => {
  const text = stringFlag(flags, "ratio");
  if (text === undefined) return undefined;

  const percent = text.endsWith("%") ? Number(text.slice(0, -1)) : Number(text) * 100;
  const whole = Math.round(percent);
  if (
    text.trim() === "" ||
    !Number.isFinite(percent) ||
    Math.abs(percent - whole) > 1e-9 ||
    whole < 0 ||
    whole > 100
  ) {
    throw usageError(
      `--ratio "${text}" is not a compaction ratio from 0 to 1 in whole percent (0.5 or 50%)`,
    );
  }
  return whole;
};
