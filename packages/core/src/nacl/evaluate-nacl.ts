import type { NaclEntry } from "./nacl-entry.js";
import type { NaclTraffic, NaclVerdict } from "./nacl-traffic.js";
import { entryMatches } from "./internal/entry-matches.js";

/**
 * Decides traffic the way EC2 evaluates a network ACL: the entries of the traffic's
 * direction in ascending rule number, the first match wins, and traffic no entry matches
 * is denied (the `*` rule). Use it to tell a NACL REJECT from a security-group REJECT:
 * when the NACL denies, no group rule would let the traffic in.
 *
 * Does not modify `entries` and does not rely on their order.
 *
 * @example
 * evaluateNacl(acl.entries, { direction: "inbound", protocol: 6, port: 443, address })
 * // { action: "deny", ruleNumber: 90 }
 */
export const evaluateNacl = (entries: readonly NaclEntry[], traffic: NaclTraffic): NaclVerdict => {
  const decisive = [...entries]
    .sort((a, b) => a.ruleNumber - b.ruleNumber)
    .find((entry) => entryMatches(entry, traffic));

  return decisive === undefined
    ? { action: "deny" }
    : { action: decisive.ruleAction, ruleNumber: decisive.ruleNumber };
};
