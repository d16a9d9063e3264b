import { isLeft } from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { formatDecodeErrors } from "../../local/format-decode-errors.js";
import { joinProblems } from "../../local/internal/problem-list.js";
import { responseFailure } from "./aws-read.js";

/**
 * Checks an SDK response with the codec the offline mode reads the same shape with, so the
 * live and exported estates are normalised by one set of rules (CIDRs with host bits
 * cleared, protocols as numbers). A response that does not fit fails naming the operation
 * and each problem.
 */
export const decodeResponse = <A>(
  operation: string,
  codec: t.Decoder<unknown, A>,
  response: unknown,
): A => {
  const decoded = codec.decode(response);
  if (isLeft(decoded)) {
    const problems = joinProblems(formatDecodeErrors(operation, decoded.left));
    throw responseFailure(operation, `a response the tool cannot read:\n${problems}`);
  }
  return decoded.right;
};
