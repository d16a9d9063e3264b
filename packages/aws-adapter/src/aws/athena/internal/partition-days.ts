import type { TimeWindow } from "@sg/core";
import type { AthenaPartitioning } from "../athena-table-layout.js";

const DAY = 86_400;

const pad = (value: number): string => String(value).padStart(2, "0");

/** A UTC day written in a partition format made of `yyyy`, `MM` and `dd`. */
export const formatDay = (seconds: number, format: string): string => {
  const date = new Date(Math.floor(seconds / DAY) * DAY * 1000);
  return format
    .replace("yyyy", String(date.getUTCFullYear()))
    .replace("MM", pad(date.getUTCMonth() + 1))
    .replace("dd", pad(date.getUTCDate()));
};

/**
 * The SQL condition that keeps a query to the partitions of the days that can hold the
 * window's records: from the day before the window's first day to the day after its last.
 * Partitions are days of delivery, and a record is delivered after its end, which may fall
 * a little past the window; the day before mirrors the S3 reader, which lists the same days.
 * `undefined` for a table without a day partition.
 */
export const partitionCondition = (
  partitioning: AthenaPartitioning,
  window: TimeWindow,
): string | undefined => {
  const first = window.from - DAY;
  const last = window.to + DAY;

  switch (partitioning.kind) {
    case "date":
      return (
        `"${partitioning.column}" BETWEEN DATE '${formatDay(first, "yyyy-MM-dd")}' ` +
        `AND DATE '${formatDay(last, "yyyy-MM-dd")}'`
      );
    case "text": {
      const { column, format } = partitioning;
      return `"${column}" BETWEEN '${formatDay(first, format)}' AND '${formatDay(last, format)}'`;
    }
    case "hive":
      return (
        `concat("year", '-', "month", '-', "day") BETWEEN ` +
        `'${formatDay(first, "yyyy-MM-dd")}' AND '${formatDay(last, "yyyy-MM-dd")}'`
      );
    case "none":
      return undefined;
  }
};
