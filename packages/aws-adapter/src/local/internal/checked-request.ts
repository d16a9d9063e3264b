import { describeRule, ICMP, TCP, UDP, type Rule } from "@sg/core";
import { RuleWriteError } from "../../ports/rule-write-error.js";
import { portsOf } from "../../internal/permission-rules.js";
import { ruleMatchKey } from "../../internal/rule-match-key.js";

const MAX_PORT = 65535;

/**
 * The rules of one authorise or revoke call, checked as EC2 checks a request and
 * normalised as EC2 stores them (ports dropped where the protocol ignores them). A rule
 * for another group, a tcp/udp/icmp rule without valid ports, or the same rule twice in
 * one call fails the whole call with `InvalidParameterValue`.
 */
export const checkedRequest = (groupId: string, rules: readonly Rule[]): Rule[] => {
  const seen = new Set<string>();

  return rules.map((rule) => {
    const problem = problemOf(groupId, rule, seen);
    if (problem !== undefined) {
      throw new RuleWriteError("InvalidParameterValue", groupId, rules, problem);
    }

    const ports = portsOf(rule.protocol, rule.ports?.from, rule.ports?.to);
    const { ports: _asGiven, ...rest } = rule;
    return { ...rest, ...(ports === undefined ? {} : { ports }) };
  });
};

const problemOf = (groupId: string, rule: Rule, seen: Set<string>): string | undefined => {
  if (rule.groupId !== groupId) {
    return `the rule ${describeRule(rule)} belongs to ${rule.groupId}, not to ${groupId}`;
  }

  const key = ruleMatchKey(rule);
  if (seen.has(key)) {
    return `the same permission must not appear multiple times: ${describeRule(rule)}`;
  }
  seen.add(key);

  const needsPorts = rule.protocol === TCP || rule.protocol === UDP || rule.protocol === ICMP;
  if (needsPorts && rule.ports === undefined) {
    return `the rule ${describeRule(rule)} names no ports; tcp, udp and icmp rules need them`;
  }
  const isPortRange = rule.protocol === TCP || rule.protocol === UDP;
  if (isPortRange && !validRange(rule.ports)) {
    const { from, to } = rule.ports ?? {};
    return `the rule ${describeRule(rule)} has ports ${from}-${to}, expected 0-65535, from <= to`;
  }
  return undefined;
};

const validRange = (ports: Rule["ports"]): boolean =>
  ports !== undefined && ports.from >= 0 && ports.from <= ports.to && ports.to <= MAX_PORT;
