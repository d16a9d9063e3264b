import { describeRule, type Rule, type SecurityGroup } from "@sg/core";
import { ESTATE_FILES } from "../estate-files.js";
import { LocalFileError } from "../local-file-error.js";
import type { SecurityGroupRuleEntry } from "../../internal/codecs/security-group-rules-file.js";
import type { PrefixListWeights } from "../../internal/permission-rules.js";
import { joinProblems } from "./problem-list.js";
import { entryRule } from "../../internal/rule-entry.js";
import { ruleMatchKey } from "../../internal/rule-match-key.js";

const GROUPS = ESTATE_FILES.securityGroups.name;
const RULES = ESTATE_FILES.securityGroupRules.name;
const REEXPORT = "the two files were exported at different times; export both again";

/**
 * Gives every inbound rule of the groups file the `sgr-` id that the rules file holds for
 * it, matching by group, protocol, ports and source. Both files must describe the same
 * rules: one present in either file and not the other means the exports disagree, and
 * planning on either would be planning on a guess, so every such rule is reported.
 */
export const matchRuleIds = (
  groups: readonly SecurityGroup[],
  entries: readonly SecurityGroupRuleEntry[],
  weights: PrefixListWeights,
  rulesPath: string,
): SecurityGroup[] => {
  const idsByKey = inboundIdsByKey(entries, weights, rulesPath);
  const problems: string[] = [];

  const matched = groups.map((group) => ({
    ...group,
    rules: group.rules.map((rule): Rule => {
      const ruleId = idsByKey.get(ruleMatchKey(rule))?.shift()?.ruleId;
      if (ruleId === undefined) problems.push(`${GROUPS}: ${groupRule(rule)} is not in ${RULES}`);
      return { ...rule, ruleId };
    }),
  }));

  for (const unmatched of [...idsByKey.values()].flat()) {
    problems.push(`${RULES}: ${groupRule(unmatched)} is not in ${GROUPS}`);
  }
  if (problems.length > 0) {
    throw new LocalFileError(rulesPath, "inconsistent", joinProblems([...problems, REEXPORT]));
  }
  return matched;
};

const groupRule = (rule: Rule): string => `${rule.groupId} ${describeRule(rule)}`;

const inboundIdsByKey = (
  entries: readonly SecurityGroupRuleEntry[],
  weights: PrefixListWeights,
  rulesPath: string,
): Map<string, Rule[]> => {
  const byKey = new Map<string, Rule[]>();
  const problems: string[] = [];

  for (const [index, entry] of entries.entries()) {
    if (entry.IsEgress) continue;

    const decoded = entryRule(entry, weights);
    if ("sources" in decoded) {
      problems.push(
        `${RULES}: SecurityGroupRules[${index}]: expected exactly one of CidrIpv4, CidrIpv6, ` +
          `PrefixListId or ReferencedGroupInfo, got ${decoded.sources}`,
      );
      continue;
    }
    const key = ruleMatchKey(decoded.rule);
    byKey.set(key, [...(byKey.get(key) ?? []), decoded.rule]);
  }

  if (problems.length > 0) {
    throw new LocalFileError(rulesPath, "invalid-content", joinProblems(problems));
  }
  return byKey;
};
