import { err, ok, type Result } from "../result.js";
import {
  FLOW_LOG_FIELDS,
  REQUIRED_FIELDS,
  isFlowLogField,
  spelledAsField,
  type FlowLogField,
} from "./fields.js";
import { slotsOf } from "./internal/fill.js";

/**
 * The ordered fields of one flow log's records, as its format (and the header line of each
 * text file) names them. Build one with {@link parseLayout} or use {@link DEFAULT_LAYOUT};
 * the derived members are precomputed once so that parsing a record does no lookups.
 */
export interface FlowLogLayout {
  /**
   * Every column's field name in column order, hyphenated. A name this release does not
   * know (a field AWS added since) is kept as named and its column read past.
   */
  readonly fields: readonly string[];
  /** The column of every known field, or -1 when this layout does not carry it. */
  readonly positions: Readonly<Record<FlowLogField, number>>;
  /** The record property each column fills, in the parser's own coding; derived from `fields`. */
  readonly slots: readonly number[];
}

/**
 * Why a header line cannot describe a usable layout. `header` quotes the line as given;
 * `reason` lists every problem found (tokens that are not names, repeats, missing fields).
 */
export interface LayoutError {
  readonly header: string;
  readonly reason: string;
}

const layoutOf = (fields: readonly string[]): FlowLogLayout => {
  const positions = Object.fromEntries(FLOW_LOG_FIELDS.map((field) => [field, -1]));
  fields.forEach((field, column) => {
    if (isFlowLogField(field)) positions[field] = column;
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

/** The shape of a field name once normalised: lower case, digits and hyphens. */
const NAME_SHAPE = /^[a-z][a-z0-9-]*$/;

const problemsOf = (names: readonly string[]): string[] => {
  const notNames = names.filter((name) => !NAME_SHAPE.test(name));
  const unknown = names.filter((name) => NAME_SHAPE.test(name) && !isFlowLogField(name));
  const repeated = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  const missing = REQUIRED_FIELDS.filter((field) => !names.includes(field));

  const problems: string[] = [];
  if (notNames.length > 0) {
    problems.push(
      `names ${quoteAll(notNames)}, which are not field names (expected VPC flow-log field ` +
        "names such as srcaddr or account-id)",
    );
  }
  if (repeated.length > 0) {
    problems.push(`names ${quoteAll(repeated)} more than once`);
  }
  if (missing.length > 0) {
    const guesses = unknown.length === 0 ? "" : ` (it names unknown fields ${quoteAll(unknown)})`;
    problems.push(`lacks the fields the tool needs: ${missing.join(", ")}${guesses}`);
  }
  return problems;
};

/**
 * Reads the layout of a flow log from its header line, or from the `LogFormat` string that
 * `describe-flow-logs` returns. Names may be hyphenated (`account-id`), underscored as in
 * Athena and Parquet schemas (`account_id`) or wrapped as in a format (`${account-id}`),
 * separated by any whitespace. A well-formed name it does not know is a field AWS added
 * since this release: its column is read past, so that new fields never stop a read.
 * Rejects tokens that are not names, repeated names and layouts without the fields
 * attribution needs: srcaddr, dstaddr, dstport, protocol, action, interface-id.
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

  const names = tokens.map(spelledAsField);
  const problems = problemsOf(names);
  if (problems.length > 0) {
    return err({ header: headerLine, reason: problems.join("; ") });
  }
  return ok(layoutOf(names));
};

/** Renders a {@link LayoutError} as one sentence that quotes the header. */
export const describeLayoutError = (error: LayoutError): string =>
  `flow-log header "${error.header}" ${error.reason}`;
