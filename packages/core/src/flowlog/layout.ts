import { err, ok, type Result } from "../result.js";
import {
  FLOW_LOG_FIELDS,
  REQUIRED_FIELDS,
  normaliseFieldName,
  type FlowLogField,
} from "./fields.js";
import { slotsOf } from "./internal/fill.js";

/**
 * The ordered fields of one flow log's records, as its format (and the header line of each
 * text file) names them. Build one with {@link parseLayout} or use {@link DEFAULT_LAYOUT};
 * the derived members are precomputed once so that parsing a record does no lookups.
 */
export interface FlowLogLayout {
  /** The fields in column order. */
  readonly fields: readonly FlowLogField[];
  /** The column of every known field, or -1 when this layout does not carry it. */
  readonly positions: Readonly<Record<FlowLogField, number>>;
  /** The record property each column fills, in the parser's own coding; derived from `fields`. */
  readonly slots: readonly number[];
}

/**
 * Why a header line cannot describe a usable layout. `header` quotes the line as given;
 * `reason` lists every problem found (unknown names, repeats, missing required fields).
 */
export interface LayoutError {
  readonly header: string;
  readonly reason: string;
}

const layoutOf = (fields: readonly FlowLogField[]): FlowLogLayout => {
  const positions = Object.fromEntries(FLOW_LOG_FIELDS.map((field) => [field, -1]));
  fields.forEach((field, column) => {
    positions[field] = column;
  });
  return { fields, positions: positions as Record<FlowLogField, number>, slots: slotsOf(fields) };
};

/**
 * The default (version 2) format, which AWS does not allow to change: the 14 fields from
 * `version` to `log-status`, in AWS's order. CloudWatch Logs events carry no header, so a
 * flow log created without a custom format is read with this layout.
 */
export const DEFAULT_LAYOUT: FlowLogLayout = layoutOf(FLOW_LOG_FIELDS.slice(0, 14));

const quoteAll = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

const problemsOf = (tokens: readonly string[]): string[] => {
  const unknown = tokens.filter((token) => normaliseFieldName(token) === undefined);
  const known = tokens.flatMap((token) => normaliseFieldName(token) ?? []);
  const repeated = [...new Set(known.filter((field, index) => known.indexOf(field) !== index))];
  const missing = REQUIRED_FIELDS.filter((field) => !known.includes(field));

  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(
      `names unknown fields ${quoteAll(unknown)} (expected VPC flow-log field names such as ` +
        "srcaddr or account-id)",
    );
  }
  if (repeated.length > 0) {
    problems.push(`names ${quoteAll(repeated)} more than once`);
  }
  if (missing.length > 0) {
    problems.push(`lacks the fields the tool needs: ${missing.join(", ")}`);
  }
  return problems;
};

/**
 * Reads the layout of a flow log from its header line, or from the `LogFormat` string that
 * `describe-flow-logs` returns. Names may be hyphenated (`account-id`), underscored as in
 * Athena and Parquet schemas (`account_id`) or wrapped as in a format (`${account-id}`),
 * separated by any whitespace. Rejects unknown names, repeated names and layouts without
 * the fields attribution needs: srcaddr, dstaddr, dstport, protocol, action, interface-id.
 *
 * @example parseLayout("version srcaddr dstaddr dstport protocol action interface-id")
 */
export const parseLayout = (headerLine: string): Result<FlowLogLayout, LayoutError> => {
  const tokens = headerLine
    .trim()
    .split(/\s+/)
    .filter((token) => token !== "");
  if (tokens.length === 0) {
    return err({ header: headerLine, reason: "names no fields" });
  }

  const problems = problemsOf(tokens);
  if (problems.length > 0) {
    return err({ header: headerLine, reason: problems.join("; ") });
  }
  return ok(layoutOf(tokens.flatMap((token) => normaliseFieldName(token) ?? [])));
};

/** Renders a {@link LayoutError} as one sentence that quotes the header. */
export const describeLayoutError = (error: LayoutError): string =>
  `flow-log header "${error.header}" ${error.reason}`;
