import { usageError } from "./cli-error.js";
import type { FlagValues } from "./command.js";

/** A string flag's value, or `undefined` when absent. */
export const stringFlag = (flags: FlagValues, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
};

/** A string flag that must be given. */
export const requiredFlag = (flags: FlagValues, name: string, command: string): string => {
  const value = stringFlag(flags, name);
  if (value === undefined || value === "") {
    throw usageError(
      `sg-tightener ${command}: --${name} is required. Run 'sg-tightener ${command} --help'.`,
    );
  }
  return value;
};

/** Every value of a repeatable flag, each split on commas (`--groups a,b --groups c`). */
export const listFlag = (flags: FlagValues, name: string): string[] => {
  const value = flags[name];
  const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return values
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
};

/** Whether a boolean flag was given. */
export const booleanFlag = (flags: FlagValues, name: string): boolean => flags[name] === true;

/** A whole number within bounds, or the default when the flag is absent. */
export const integerFlag = (
  flags: FlagValues,
  name: string,
  fallback: number,
  bounds: { min: number; max: number },
): number => {
  const text = stringFlag(flags, name);
  if (text === undefined) return fallback;

  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < bounds.min || value > bounds.max) {
    throw usageError(
      `--${name} "${text}" is not a whole number from ${bounds.min} to ${bounds.max}`,
    );
  }
  return value;
};

/**
 * A tolerance given as a fraction (`0.3`) or a percentage (`30%`), returned in whole
 * percent. Plans use whole percents so escalation steps stay exact.
 */
export const toleranceFlag = (flags: FlagValues, name: string, fallback: number): number => {
  const text = stringFlag(flags, name);
  if (text === undefined) return fallback;

  const percent = text.endsWith("%") ? Number(text.slice(0, -1)) : Number(text) * 100;
  const whole = Math.round(percent);
  if (
    text.trim() === "" ||
    !Number.isFinite(percent) ||
    Math.abs(percent - whole) > 1e-9 ||
    whole < 0 ||
    whole > 95
  ) {
    throw usageError(
      `--${name} "${text}" is not a tolerance from 0 to 0.95 in whole percent (0.3 or 30%)`,
    );
  }
  return whole;
};

/** An ISO 8601 time (`2026-05-28T12:00:00Z`), in Unix seconds. */
export const timeFlag = (flags: FlagValues, name: string): number | undefined => {
  const text = stringFlag(flags, name);
  if (text === undefined) return undefined;

  const millis = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(millis)) {
    throw usageError(`--${name} "${text}" is not an ISO 8601 time such as 2026-05-28T12:00:00Z`);
  }
  return Math.floor(millis / 1000);
};
