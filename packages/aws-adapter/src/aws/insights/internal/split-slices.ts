import type { InsightsSlice } from "../insights-query.js";

/** What one slice's query returned: its rows, and whether it reached the row cap. */
export interface SliceAnswer<T> {
  readonly rows: readonly T[];
  readonly capped: boolean;
}

/** How the split goes: the query per slice, the smallest slice and what to say when stuck. */
export interface SplitPlan<T> {
  readonly query: (slice: InsightsSlice) => Promise<SliceAnswer<T>>;
  /** Slices this long or shorter are not split again (seconds). */
  readonly minSliceSeconds: number;
  /** The error for a slice at the minimum that still reached the cap. */
  readonly stuck: (slice: InsightsSlice) => Error;
}

const lengthOf = (slice: InsightsSlice): number => slice.to - slice.from + 1;

/** Cuts a slice into two halves that share no second. */
export const halves = (slice: InsightsSlice): [InsightsSlice, InsightsSlice] => {
  const middle = slice.from + Math.floor((slice.to - slice.from) / 2);
  return [
    { from: slice.from, to: middle },
    { from: middle + 1, to: slice.to },
  ];
};

/**
 * Queries `slice`, and whenever a slice's answer reaches the row cap (so rows may be
 * missing), drops that answer and queries both halves instead, recursively, until every
 * slice answers under the cap. Resolves with the rows of every slice that did. A slice no
 * longer than the minimum that still reaches the cap rejects with `stuck`: the tuples of that
 * little time exceed what one query may return, and nothing finer can be asked.
 *
 * Concurrency is the caller's: `query` is expected to wait for a free slot itself, so slices
 * waiting on their halves hold none.
 */
export const splitUntilUnderCap = async <T>(
  slice: InsightsSlice,
  plan: SplitPlan<T>,
): Promise<T[]> => {
  const answer = await plan.query(slice);
  if (!answer.capped) return [...answer.rows];

  if (lengthOf(slice) <= plan.minSliceSeconds) throw plan.stuck(slice);
  const [early, late] = halves(slice);
  const parts = await Promise.allSettled([
    splitUntilUnderCap(early, plan),
    splitUntilUnderCap(late, plan),
  ]);
  const failure = parts.find((part) => part.status === "rejected");
  if (failure !== undefined) throw failure.reason;
  return parts.flatMap((part) => (part.status === "fulfilled" ? part.value : []));
};
