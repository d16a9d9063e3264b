import { blockContains } from "../../address/ipv4-cidr.js";
import type { Ipv4 } from "../../address/ipv4.js";
import { admitsTraffic } from "../../rule/admits.js";
import type { Rule } from "../../rule/rule.js";
import type { RejectedAttempt } from "../rejected-attempt.js";

/**
 * Whether a rule lets the attempt in: it admits the protocol and port, and its source is
 * an IPv4 block holding the attempt's source, or a group attached to an interface that
 * owns the source address (`groupsAt` names them). A prefix list's entries are not known
 * here, so it is never counted as admitting; the attempt is then reported, not hidden.
 */
export const ruleAdmits = (
  rule: Rule,
  attempt: Pick<RejectedAttempt, "protocol" | "port" | "source">,
  groupsAt: (address: Ipv4) => ReadonlySet<string>,
): boolean => {
  if (!admitsTraffic(rule, attempt.protocol, attempt.port)) return false;

  const { source } = rule;
  switch (source.kind) {
    case "cidr":
      return source.cidr.family === "ipv4" && blockContains(source.cidr, attempt.source);
    case "group":
      return groupsAt(attempt.source).has(source.groupId);
    case "prefix-list":
      return false;
  }
};
