/** A half-open span of event timestamps in milliseconds: `from` ≤ t < `until`. */
export interface TimeSlice {
  readonly from: number;
  readonly until: number;
}

/**
 * Cuts the span `from` ≤ t < `until` (milliseconds) into consecutive half-open slices whose
 * inner boundaries fall on multiples of `length` since the epoch, so every run over the same
 * span reads the same slices and each timestamp belongs to exactly one of them. Empty when
 * the span is empty.
 *
 * @example timeSlices(90, 250, 100) // [{from: 90, until: 100}, {from: 100, until: 200},
 *                                   //  {from: 200, until: 250}]
 */
export const timeSlices = (from: number, until: number, length: number): TimeSlice[] => {
  const slices: TimeSlice[] = [];
  let start = from;

  while (start < until) {
    const boundary = (Math.floor(start / length) + 1) * length;
    const end = Math.min(boundary, until);
    slices.push({ from: start, until: end });
    start = end;
  }
  return slices;
};
