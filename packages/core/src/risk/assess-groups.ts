import type { SecurityGroup } from "../inventory/inventory.js";
import { compareFindings } from "./finding-order.js";
import {
  assessRule,
  type FindingScope,
  type RiskOptions,
  type RuleFinding,
} from "./rule-finding.js";

/**
 * Every finding in some security groups (every inbound rule the severity model flags),
 * sorted by {@link compareFindings}. `scope` stamps each finding with the account and
 * Region the groups were read from. Does not alter its input.
 */
export const assessGroups = (
  groups: readonly SecurityGroup[],
  options: RiskOptions = {},
  scope: FindingScope = {},
): RuleFinding[] =>
  groups
    .flatMap((group) => group.rules.map((rule) => assessRule(group, rule, options, scope)))
    .filter((finding): finding is RuleFinding => finding !== undefined)
    .sort(compareFindings);
