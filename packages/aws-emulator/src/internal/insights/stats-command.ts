import { err, ok, type Result } from "@sg/core";
import type { InsightsRowSeed } from "../../insights-emulation.js";

/** One aggregation of a `stats` command and the name its column takes. */
interface Aggregate {
  readonly fn: "count" | "min" | "max" | "sum";
  /** The field aggregated; `undefined` for `count(*)` and `count()`. */
  readonly field: string | undefined;
  readonly name: string;
}

/** One `by` field and the name its column takes. */
interface Grouping {
  readonly field: string;
  readonly name: string;
}

/** A query's `stats` command, ready to apply to rows. */
export interface StatsCommand {
  readonly aggregates: readonly Aggregate[];
  readonly groupings: readonly Grouping[];
}

/** One result row as GetQueryResults returns it. */
export type ResultRow = { readonly field: string; readonly value: string }[];

const AGGREGATE = /^(count|min|max|sum)\(\s*([\w@.*]*)\s*\)(?:\s+as\s+(\w+))?$/i;
const GROUPING = /^([\w@.]+)(?:\s+as\s+(\w+))?$/i;

const splitList = (text: string): string[] => text.split(",").map((part) => part.trim());

/**
 * Reads the last `stats` command of a query: aggregations (`count(*)`, `count(f)`, `min(f)`,
 * `max(f)`, `sum(f)`, each with an optional `as` alias) and `by` fields (optionally
 * aliased). Commands are split at every `|`, so a pipe inside a string is not supported.
 */
export const parseStatsCommand = (query: string): Result<StatsCommand, string> => {
  const stats = query
    .split("|")
    .map((command) => command.trim().replace(/\s+/g, " "))
    .filter((command) => /^stats\s/i.test(command))
    .at(-1);
  if (stats === undefined) return err("the emulator answers only queries with a stats command");

  const [aggregated = "", grouped = ""] = stats.slice("stats ".length).split(/\s+by\s+/i);
  const aggregates: Aggregate[] = [];
  for (const part of splitList(aggregated)) {
    const match = AGGREGATE.exec(part);
    if (match === null) return err(`cannot read the aggregation "${part}"`);
    const [, fn = "", field = "", alias] = match;
    const counted = field === "" || field === "*" ? undefined : field;
    aggregates.push({
      fn: fn.toLowerCase() as Aggregate["fn"],
      field: counted,
      name: alias ?? part,
    });
  }

  const groupings: Grouping[] = [];
  for (const part of grouped === "" ? [] : splitList(grouped)) {
    const match = GROUPING.exec(part);
    if (match === null) return err(`cannot read the grouping "${part}"`);
    const [, field = "", alias] = match;
    groupings.push({ field, name: alias ?? field });
  }
  return ok({ aggregates, groupings });
};

const aggregate = (aggregate: Aggregate, rows: readonly InsightsRowSeed[]): string => {
  const { fn, field } = aggregate;
  const values = rows.flatMap((row) => {
    const value = field === undefined ? "" : row.fields[field];
    return value === undefined ? [] : [value];
  });
  if (fn === "count") return String(values.length);
  if (fn === "sum") return String(values.reduce((total, value) => total + Number(value), 0));

  const numeric = values.every((value) => value.trim() !== "" && !Number.isNaN(Number(value)));
  const ordered = [...values].sort((a, b) =>
    numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0,
  );
  return (fn === "min" ? ordered[0] : ordered.at(-1)) ?? "";
};

/**
 * Applies a `stats` command to rows: rows lacking a `by` field are left out (as Insights
 * leaves out events without a grouping field), groups come in order of first appearance.
 */
export const applyStats = (
  command: StatsCommand,
  rows: readonly InsightsRowSeed[],
): ResultRow[] => {
  const groups = new Map<string, InsightsRowSeed[]>();
  for (const row of rows) {
    const key = command.groupings.map(({ field }) => row.fields[field]);
    if (key.some((value) => value === undefined)) continue;
    const id = JSON.stringify(key);
    const members = groups.get(id);
    if (members === undefined) groups.set(id, [row]);
    else members.push(row);
  }
  if (command.groupings.length === 0 && rows.length > 0) groups.set("[]", [...rows]);

  return [...groups.values()].map((members) => [
    ...command.groupings.map(({ field, name }) => ({
      field: name,
      value: members[0]!.fields[field]!,
    })),
    ...command.aggregates.map((each) => ({ field: each.name, value: aggregate(each, members) })),
  ]);
};
