import type { TimeWindow } from "@sg/core";

const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 24 * SECONDS_PER_HOUR;

/**
 * Where a flow-log object sits in the S3 layout VPC Flow Logs delivers to (aws-facts
 * §3.4): the account, the region and the UTC day (and hour, with hourly partitions) of
 * delivery. `period` is that day or hour in Unix seconds, inclusive.
 */
export interface FlowLogKey {
  readonly layout: "default" | "hive";
  readonly accountId: string;
  readonly region: string;
  /** The delivery day as `YYYY-MM-DD`. */
  readonly date: string;
  readonly hour?: number;
  readonly period: TimeWindow;
}

/** The parts of a key that name its folder. */
export type FlowLogKeyParts = Omit<FlowLogKey, "period">;

const TWO_DIGITS = /^\d{2}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/**
 * Reads the account, region and delivery day from a path or S3 key that follows either
 * layout, `…/AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/[HH/]…` or the Hive-style
 * `…/AWSLogs/aws-account-id=<id>/aws-service=vpcflowlogs/aws-region=<r>/year=YYYY/
 * month=MM/day=DD/[hour=HH/]…`. Returns `undefined` for any other path, or one that
 * stops before the day, so callers fall back to reading the file.
 *
 * @example
 * parseFlowLogKey("logs/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/01/x.log.gz")
 * // { layout: "default", accountId: "123456789012", region: "eu-west-1",
 * //   date: "2024-05-01", period: { from: 1714521600, to: 1714607999 } }
 */
export const parseFlowLogKey = (path: string): FlowLogKey | undefined => {
  const segments = path.split(/[\\/]/);
  const start = segments.indexOf("AWSLogs");
  if (start < 0) return undefined;

  const rest = segments.slice(start + 1);
  const hive = rest[0]?.startsWith("aws-account-id=") === true;
  const fields = hive ? hiveFields(rest) : rest;
  if (fields === undefined) return undefined;

  const [accountId, service, region, year, month, day, hour] = fields;
  if (service !== "vpcflowlogs" || accountId === undefined || region === undefined) {
    return undefined;
  }
  if (!ACCOUNT.test(accountId) || !REGION.test(region)) return undefined;

  const date = `${year}-${month}-${day}`;
  const period = periodOf(date, hour);
  if (period === undefined) return undefined;

  const hourPart = hour !== undefined && TWO_DIGITS.test(hour) ? { hour: Number(hour) } : {};
  return { layout: hive ? "hive" : "default", accountId, region, date, ...hourPart, period };
};

/**
 * The folder (with a trailing `/`) that VPC Flow Logs delivers a key's objects to, in its
 * layout; an S3 reader lists this prefix under `AWSLogs/` to fetch one day or hour.
 */
export const formatFlowLogKeyPrefix = (key: FlowLogKeyParts): string => {
  const [year, month, day] = key.date.split("-");
  const hour = key.hour === undefined ? undefined : String(key.hour).padStart(2, "0");

  const parts =
    key.layout === "hive"
      ? [
          `aws-account-id=${key.accountId}`,
          "aws-service=vpcflowlogs",
          `aws-region=${key.region}`,
          `year=${year}`,
          `month=${month}`,
          `day=${day}`,
          ...(hour === undefined ? [] : [`hour=${hour}`]),
        ]
      : [
          key.accountId,
          "vpcflowlogs",
          key.region,
          year,
          month,
          day,
          ...(hour === undefined ? [] : [hour]),
        ];
  return `AWSLogs/${parts.join("/")}/`;
};

/** The Hive segments with their `name=` prefixes checked and removed, in default order. */
const hiveFields = (segments: readonly string[]): (string | undefined)[] | undefined => {
  const names = ["aws-account-id", "aws-service", "aws-region", "year", "month", "day"];
  const values = names.map((name, index) => valueOf(segments[index], name));
  if (values.some((value) => value === undefined)) return undefined;

  return [...values, valueOf(segments[names.length], "hour")];
};

const valueOf = (segment: string | undefined, name: string): string | undefined =>
  segment?.startsWith(`${name}=`) === true ? segment.slice(name.length + 1) : undefined;

/** The UTC day, or hour when `hour` is two digits, in Unix seconds; `undefined` if invalid. */
const periodOf = (date: string, hour: string | undefined): TimeWindow | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;

  const day = Date.parse(`${date}T00:00:00Z`) / 1000;
  if (Number.isNaN(day) || new Date(day * 1000).toISOString().slice(0, 10) !== date) {
    return undefined;
  }

  if (hour === undefined || !TWO_DIGITS.test(hour)) {
    return { from: day, to: day + SECONDS_PER_DAY - 1 };
  }
  if (Number(hour) > 23) return undefined;
  const from = day + Number(hour) * SECONDS_PER_HOUR;
  return { from, to: from + SECONDS_PER_HOUR - 1 };
};
