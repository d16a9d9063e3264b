import type { Ipv4Cidr } from "../address/ipv4-cidr.js";
import { err, ok, type Result } from "../result.js";
import type { CostCurve } from "./cost-curve.js";
import type { OptimalCoverError } from "./cover-error.js";
import { recoverCover } from "./internal/recover-cover.js";
import { invalidCount } from "./internal/validate.js";

/**
 * The prefixes behind a point of a {@link CostCurve}: a cover of the rule's required
 * blocks by at most `prefixes` disjoint prefixes inside the rule's block, trusting
 * exactly `curve.trusted[prefixes − 1]` addresses, in address order. Among equally cheap
 * covers it returns the one with the fewest prefixes, and ties beyond that always break
 * the same way (the lower-addressed half of a split gets fewer prefixes), so the same
 * curve always yields the same cover.
 *
 * Any `prefixes` of at least 1 is accepted when the curve reaches every required block
 * on its own (more prefixes cannot help then); otherwise it must be at most the curve's
 * length, since the curve was not computed further. A rule with nothing required gives
 * the empty cover.
 *
 * @example
 * // the curve of 10.0.0.0/24 requiring 10.0.0.1/32, 10.0.0.2/32 and 10.0.0.200/32:
 * // coverAt(curve, 2) = ok([10.0.0.0/30, 10.0.0.200/32])
 */
export const coverAt = (
  curve: CostCurve,
  prefixes: number,
): Result<readonly Ipv4Cidr[], OptimalCoverError> => {
  const length = curve.trusted.length;
  const complete = length === curve.required.length;
  const failure = invalidCount("prefixes", prefixes, 1);
  if (failure !== undefined) {
    return err(failure);
  }

  if (!complete && prefixes > length) {
    const expected = `a whole number from 1 to ${length}, where the curve stops`;
    return err({ kind: "invalid-count", name: "prefixes", value: prefixes, expected });
  }
  return ok(length === 0 ? [] : recoverCover(curve.curves, Math.min(prefixes, length)));
};
