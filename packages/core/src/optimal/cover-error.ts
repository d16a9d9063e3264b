import { formatIpv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";

/**
 * Why an optimal cover could not be computed. Each variant carries the offending values
 * so a report can quote them; {@link describeOptimalCoverError} renders one sentence.
 *
 * - `required-outside-rule`: a required block is not a subset of its rule's block, so no
 *   cover inside the rule could admit it (tightening never widens).
 * - `invalid-count`: a prefix count or budget is not a whole number in its range.
 * - `budget-below-rules`: every rule with a required block needs at least one prefix, and
 *   the budget holds fewer prefixes than there are such rules.
 */
export type OptimalCoverError =
  | {
      readonly kind: "required-outside-rule";
      readonly ruleIndex: number;
      readonly block: Ipv4Cidr;
      readonly required: Ipv4Cidr;
    }
  | {
      readonly kind: "invalid-count";
      readonly name: "maxPrefixes" | "budget" | "prefixes";
      readonly value: number;
      readonly expected: string;
    }
  | {
      readonly kind: "budget-below-rules";
      readonly budget: number;
      readonly rulesNeedingCover: number;
    };

/** Renders an {@link OptimalCoverError} as one sentence that quotes the bad input. */
export const describeOptimalCoverError = (error: OptimalCoverError): string => {
  switch (error.kind) {
    case "required-outside-rule":
      return (
        `required block ${formatIpv4Cidr(error.required)} of rule ${error.ruleIndex} lies ` +
        `outside the rule's block ${formatIpv4Cidr(error.block)}; expected a subset of it`
      );
    case "invalid-count":
      return `${error.name} ${error.value} is not valid; expected ${error.expected}`;
    case "budget-below-rules":
      return (
        `budget ${error.budget} is below the ${error.rulesNeedingCover} rules that each ` +
        `need at least one prefix; raise the budget to ${error.rulesNeedingCover} or more`
      );
  }
};
