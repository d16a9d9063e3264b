import type { TimeWindow } from "@sg/core";
import {
  formatFlowLogKeyPrefix,
  parseFlowLogKey,
  type FlowLogKeyParts,
} from "../../../local/flow-log-key.js";

const DAY = 86_400;

/**
 * Slack around the window: a key's date is when the file was delivered, not when its
 * records were captured, so files delivered up to a day either side are read (as the
 * offline reader does).
 */
const SLACK_SECONDS = DAY;

/** One account and Region's flow logs in one S3 layout. */
export type FlowLogPartition = Omit<FlowLogKeyParts, "date" | "hour">;

/**
 * The day folders (under `AWSLogs/`, in the partition's layout) that can hold records of
 * `window`: every UTC day from a day before it to a day after it, oldest first. Listing
 * these instead of the whole partition keeps a 90-day read from listing years of objects.
 */
export const deliveryDayPrefixes = (partition: FlowLogPartition, window: TimeWindow): string[] => {
  const first = Math.floor((window.from - SLACK_SECONDS) / DAY) * DAY;
  const last = window.to + SLACK_SECONDS;
  const prefixes: string[] = [];

  for (let day = first; day <= last; day += DAY) {
    const date = new Date(day * 1000).toISOString().slice(0, 10);
    prefixes.push(formatFlowLogKeyPrefix({ ...partition, date }));
  }
  return prefixes;
};

/**
 * Whether an object could hold records of `window`: its key's delivery day, or hour with
 * hourly partitions, lies within a day of it. Keys outside the layout are kept.
 */
export const isDeliveredNear = (key: string, window: TimeWindow): boolean => {
  const parsed = parseFlowLogKey(key);
  if (parsed === undefined) return true;

  const { period } = parsed;
  return period.to >= window.from - SLACK_SECONDS && period.from <= window.to + SLACK_SECONDS;
};
