import { compareText } from "../internal/compare-text.js";
import { formatSource, ruleKey } from "./rule-key.js";
import type { Rule } from "./rule.js";

const SOURCE_RANK = { cidr: 0, "prefix-list": 1, group: 2 } as const;

/**
 * The canonical order of rules in plans and reports: IPv4 CIDRs by address, then IPv6,
 * prefix lists and group references by name; ties by protocol, ports and rule id. It is a
 * total order, so sorting makes output independent of the order the estate listed rules.
 */
export const compareRules = (a: Rule, b: Rule): number =>
  SOURCE_RANK[a.source.kind] - SOURCE_RANK[b.source.kind] ||
  compareCidrSources(a, b) ||
  compareText(formatSource(a.source), formatSource(b.source)) ||
  compareText(ruleKey(a), ruleKey(b)) ||
  compareText(a.ruleId ?? "", b.ruleId ?? "");

const compareCidrSources = (a: Rule, b: Rule): number => {
  if (a.source.kind !== "cidr" || b.source.kind !== "cidr") return 0;

  const [x, y] = [a.source.cidr, b.source.cidr];
  if (x.family !== y.family) return x.family === "ipv4" ? -1 : 1;
  if (x.family === "ipv4" && y.family === "ipv4") return x.base - y.base || x.length - y.length;
  return 0;
};
