import type { Rule } from "@sg/core";
import type { SecurityGroupRuleEntry } from "../../internal/codecs/security-group-rules-file.js";
import type { PrefixListWeights } from "../../internal/permission-rules.js";
import { entryRule } from "../../internal/rule-entry.js";
import { responseFailure } from "./aws-read.js";

/** The rules the entries describe; an entry with no source or several is unreadable. */
export const rulesOf = (
  entries: readonly SecurityGroupRuleEntry[],
  weights: PrefixListWeights,
): Rule[] =>
  entries.map((entry) => {
    const decoded = entryRule(entry, weights);
    if ("rule" in decoded) return decoded.rule;

    throw responseFailure(
      "DescribeSecurityGroupRules",
      `rule ${entry.SecurityGroupRuleId} with ${decoded.sources} sources, expected exactly one`,
    );
  });
