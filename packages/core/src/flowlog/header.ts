import { normaliseFieldName } from "./fields.js";

/** The shape of a field name in any accepted spelling: `log-status`, `log_status`, `${…}`. */
const NAME_SHAPE = /^(?:\$\{[a-z0-9_-]+\}|[a-z][a-z0-9_-]*)$/;

/**
 * Whether a line is a header naming fields rather than a record. Text files delivered to
 * S3 start with one; CloudWatch Logs events and concatenated extracts may not, so readers
 * ask instead of assuming.
 *
 * A header's first token is a known field name and every token has the shape of one. A
 * record fails the test: its first token is a version number or a value (`eni-…`, `-`,
 * `ingress`), and even a free-text value that happens to spell a field name, such as an
 * ECS service called `version`, sits among tokens like `-` or `10.0.0.1` that no field name
 * resembles. Unknown names after the first still make a header, so that {@link parseLayout}
 * reads past fields AWS added since instead of the line being misread as a bad record.
 *
 * @example isHeaderLine("version account-id interface-id srcaddr") // true
 * @example isHeaderLine("2 123456789010 eni-1235b8ca123456789 -") // false
 */
export const isHeaderLine = (line: string): boolean => {
  const tokens = line.trim().split(/\s+/);
  const first = tokens[0] ?? "";
  return normaliseFieldName(first) !== undefined && tokens.every((token) => NAME_SHAPE.test(token));
};
