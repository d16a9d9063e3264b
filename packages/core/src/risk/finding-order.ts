import { compareText } from "../internal/compare-text.js";
import { compareRules } from "../rule/rule-order.js";
import type { RuleFinding } from "./rule-finding.js";
import { compareSeverity } from "./severity.js";

/**
 * The order findings are reported in: worst severity first, then the most addresses
 * trusted, then by account, Region, group and rule (the canonical rule order), so the
 * same estate always lists its findings the same way and "top findings" are stable.
 */
export const compareFindings = (a: RuleFinding, b: RuleFinding): number =>
  compareSeverity(a.severity, b.severity) ||
  b.addressesTrusted - a.addressesTrusted ||
  compareText(a.accountId ?? "", b.accountId ?? "") ||
  compareText(a.region ?? "", b.region ?? "") ||
  compareText(a.groupId, b.groupId) ||
  compareRules(a.rule, b.rule);
