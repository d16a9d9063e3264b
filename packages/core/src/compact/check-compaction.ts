import { isSubsetOf } from "../address/ipv4-cidr.js";
import type { SecurityGroup } from "../inventory/inventory.js";
import type { ApplyStep } from "../plan/apply-steps.js";
import { describeRule, ruleKey } from "../rule/rule-key.js";
import type { Rule } from "../rule/rule.js";
import { candidateBlock, trafficKey } from "./internal/compaction-classes.js";

/**
 * Checks the steps of a reviewed compaction plan against the group as it stands, so an
 * edited plan can never drop coverage: each step authorises at most one IPv4 RFC 1918
 * block and revokes only IPv4 RFC 1918 rules the group holds, each of which lies inside a
 * rule of the same protocol and ports that is either the step's new block or a rule no
 * step revokes. Dropping whole steps is allowed. Returns one sentence per problem.
 */
export const checkCompactionSteps = (
  group: SecurityGroup,
  steps: readonly ApplyStep[],
): string[] => {
  const held = new Set(group.rules.map(identityOf));
  const revoked = new Set(steps.flatMap((step) => step.revoke.map(identityOf)));
  const staying = group.rules.filter((rule) => !revoked.has(identityOf(rule)));

  return steps.flatMap((step, index) => {
    const label = `${group.groupId} step ${index + 1}`;
    const problems = shapeProblems(label, group.groupId, step);
    for (const rule of step.revoke) {
      if (!held.has(identityOf(rule))) {
        problems.push(`${label} revokes ${describeRule(rule)}, which the group does not hold`);
      } else if (candidateBlock(rule) === undefined) {
        problems.push(`${label} revokes ${describeRule(rule)}, not an IPv4 RFC 1918 rule`);
      } else if (![...step.authorise, ...staying].some((cover) => covers(cover, rule))) {
        problems.push(
          `${label} revokes ${describeRule(rule)} and nothing of the same protocol and ` +
            "ports that stays or is authorised admits its addresses",
        );
      }
    }
    return problems;
  });
};

/** A rule by what it admits and its id, so a rule and its duplicate stay apart. */
const identityOf = (rule: Rule): string => `${ruleKey(rule)}|${rule.ruleId ?? ""}`;

const shapeProblems = (label: string, groupId: string, step: ApplyStep): string[] => {
  const problems: string[] = [];
  if (step.authorise.length > 1) {
    problems.push(`${label} authorises ${step.authorise.length} rules, expected at most 1`);
  }
  if (step.revoke.length === 0) {
    problems.push(`${label} revokes nothing, expected the rules its block replaces`);
  }
  for (const rule of step.authorise) {
    if (rule.groupId !== groupId || candidateBlock(rule) === undefined) {
      problems.push(
        `${label} authorises ${describeRule(rule)} in ${rule.groupId}, expected an IPv4 ` +
          `RFC 1918 block in ${groupId}`,
      );
    }
  }
  return problems;
};

const covers = (cover: Rule, rule: Rule): boolean => {
  const outer = candidateBlock(cover);
  const inner = candidateBlock(rule);
  return (
    outer !== undefined &&
    inner !== undefined &&
    trafficKey(cover) === trafficKey(rule) &&
    isSubsetOf(inner.block, outer.block)
  );
};
