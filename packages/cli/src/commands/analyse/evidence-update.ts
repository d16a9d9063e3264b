import type { TimeWindow } from "@sg/core";
import type { EvidenceBase } from "../../artefacts/evidence-base.js";

/**
 * The part of `window` an update still has to read: everything after the oldest
 * high-water mark among the base's origins for these `locations`. A location the base
 * has never read makes the whole window due. Records that end at or before the mark were
 * counted by the earlier read, so starting one second after it counts nothing twice.
 */
export const windowToRead = (
  base: EvidenceBase,
  locations: readonly string[],
  window: TimeWindow,
): TimeWindow => {
  const marks = locations.map(
    (location) => base.origins.find((origin) => origin.location === location)?.highWater,
  );
  if (marks.some((mark) => mark === undefined)) return window;

  const oldest = Math.min(...(marks as number[]));
  return { from: Math.max(window.from, oldest + 1), to: window.to };
};
