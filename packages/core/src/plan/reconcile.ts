import { ruleKey } from "../rule/rule-key.js";
import type { Rule } from "../rule/rule.js";
import type { Replacement } from "./apply-steps.js";
import type { RulePlan } from "./plan.js";
import { replacementRule } from "./replacement-rule.js";

const isRevoked = (plan: RulePlan): boolean =>
  plan.status === "tightened" || plan.status === "unused-revoked";

/**
 * Turns decisions into changes that EC2 will accept. A replacement identical to a rule
 * that stays is not authorised again (EC2 refuses duplicates), and one shared by two
 * broad rules is authorised once, by the first. A replacement identical to a rule being
 * revoked keeps that rule instead, with its own replacements dropped (they lie inside
 * it), so no authorise fails and no revoke removes a block another rule needs.
 */
export const reconcile = (
  decided: readonly RulePlan[],
): { rules: RulePlan[]; replacements: Replacement[] } => {
  const wanted = new Set(
    decided.flatMap((plan) => plan.replacements.map((b) => ruleKey(replacementRule(plan.rule, b)))),
  );
  const rules = decided.map((plan): RulePlan => {
    if (!isRevoked(plan) || !wanted.has(ruleKey(plan.rule))) return plan;

    const reason = "kept: another rule's replacement is exactly this block";
    const after = plan.trustedBefore;
    return { ...plan, status: "unchanged", reason, trustedAfter: after, replacements: [] };
  });

  const present = new Set(rules.filter((plan) => !isRevoked(plan)).map((p) => ruleKey(p.rule)));
  const replacements = rules.filter(isRevoked).map((plan): Replacement => {
    const authorise: Rule[] = [];
    for (const block of plan.replacements) {
      const rule = replacementRule(plan.rule, block);
      const key = ruleKey(rule);
      if (present.has(key)) continue;
      present.add(key);
      authorise.push(rule);
    }
    return { broad: plan.rule, authorise };
  });
  return { rules, replacements };
};
