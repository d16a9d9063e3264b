/**
 * A gap tolerance in whole percent: the largest share of a block's addresses that may
 * never have been observed for the block still to be trusted as a whole. Whole percents
 * keep escalation steps exact (30, 35, … 95) and plans reproducible.
 */
export type TolerancePercent = number;

/** The original design's default tolerance, 30%. */
export const DEFAULT_TOLERANCE: TolerancePercent = 30;

/** Escalation raises the tolerance by this many points per step. */
export const ESCALATION_STEP: TolerancePercent = 5;

/** Escalation never goes past this tolerance; forced merges take over from here. */
export const ESCALATION_CEILING: TolerancePercent = 95;

/**
 * The largest block size (a power of two) that `observed` addresses fill within the
 * tolerance: size × (100 − tolerance) ≤ 100 × observed. Returns 2³² when any size fits.
 */
export const widestTolerableSize = (observed: number, tolerance: TolerancePercent): number => {
  if (tolerance >= 100) {
    return 2 ** 32;
  }

  const limit = Math.floor((100 * observed) / (100 - tolerance));
  if (limit >= 2 ** 32) {
    return 2 ** 32;
  }
  return 2 ** (31 - Math.clz32(limit));
};

/** Whether a block of `size` addresses with `observed` of them seen is within tolerance. */
export const withinTolerance = (
  size: number,
  observed: number,
  tolerance: TolerancePercent,
): boolean => size * (100 - tolerance) <= 100 * observed;
