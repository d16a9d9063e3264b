import { err, ok } from "@sg/core";
import type { AwsSecurityGroupRule } from "../../estate-files.js";
import { apiError } from "../api-error.js";
import { scalarList } from "../form.js";
import { describePage } from "./describe-page.js";
import type { Ec2Handler } from "./ec2-context.js";
import { applyFilters, type FilterFields } from "./filters.js";

const FILTERS: FilterFields<AwsSecurityGroupRule> = {
  fields: {
    "group-id": (rule) => [rule.GroupId],
    "security-group-rule-id": (rule) => [rule.SecurityGroupRuleId],
  },
  tagsOf: (rule) => rule.Tags,
};

/**
 * DescribeSecurityGroupRules: by `SecurityGroupRuleId.N` (each must exist) and
 * `Filter.N` (`group-id`, `security-group-rule-id`, tags), paged with `MaxResults` (5-1000)
 * and `NextToken`. One rule per source, each with its `sgr-` id.
 */
export const describeSecurityGroupRules: Ec2Handler = (form, { store, pageCap }) => {
  const ids = scalarList(form, "SecurityGroupRuleId");
  const all = store.exportSecurityGroupRules().SecurityGroupRules;
  const missing = ids.find((id) => !all.some((rule) => rule.SecurityGroupRuleId === id));
  if (missing !== undefined) {
    return err(
      apiError(
        "InvalidSecurityGroupRuleId.NotFound",
        `The security group rule ID '${missing}' does not exist`,
      ),
    );
  }

  const chosen =
    ids.length === 0 ? all : all.filter((rule) => ids.includes(rule.SecurityGroupRuleId));
  const filtered = applyFilters(form, chosen, FILTERS);
  if (!filtered.ok) return filtered;

  const paged = describePage(form, filtered.value, {
    idsParameter: "SecurityGroupRuleIds",
    idsGiven: ids.length > 0,
    pageCap,
  });
  if (!paged.ok) return paged;
  return ok({ SecurityGroupRules: paged.value.page, NextToken: paged.value.NextToken });
};
