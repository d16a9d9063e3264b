import { isSubsetOf } from "../../address/ipv4-cidr.js";
import type { RuleRequirement } from "../cost-curve.js";
import type { OptimalCoverError } from "../cover-error.js";

/**
 * The first required block of the rule that lies outside the rule's block, as an error,
 * or `undefined` when all of them are inside. A cover must stay inside the rule it
 * replaces, so such a block could never be admitted.
 */
export const requiredOutsideRule = (
  rule: RuleRequirement,
  ruleIndex: number,
): OptimalCoverError | undefined => {
  const outside = rule.required.find((required) => !isSubsetOf(required, rule.block));
  return outside === undefined
    ? undefined
    : { kind: "required-outside-rule", ruleIndex, block: rule.block, required: outside };
};

/**
 * A count that is not a whole number of at least `min`, as an error, or `undefined` when
 * it is one. Counts arrive from configuration and quotas, so NaN, fractions and negative
 * numbers are refused rather than rounded.
 */
export const invalidCount = (
  name: "maxPrefixes" | "budget" | "prefixes",
  value: number,
  min: number,
): OptimalCoverError | undefined =>
  Number.isSafeInteger(value) && value >= min
    ? undefined
    : { kind: "invalid-count", name, value, expected: `a whole number of at least ${min}` };
