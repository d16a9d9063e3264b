import type { Cidr } from "../../address/cidr.js";
import { isSubsetOf } from "../../address/ipv4-cidr.js";
import { ipv6BlockContains } from "../../address/ipv6-cidr.js";
import { ALL_PROTOCOLS } from "../../rule/protocol.js";
import type { NetworkAclEntryView } from "../network-acl-labels.js";

const cidrOf = (entry: NetworkAclEntryView): Cidr | undefined =>
  entry.cidrBlock ?? entry.ipv6CidrBlock;

const cidrCovers = (outer: Cidr, inner: Cidr): boolean => {
  if (outer.family === "ipv4" && inner.family === "ipv4") return isSubsetOf(inner, outer);
  if (outer.family === "ipv6" && inner.family === "ipv6") {
    return outer.length <= inner.length && ipv6BlockContains(outer, inner.base);
  }
  return false;
};

const portsCover = (deny: NetworkAclEntryView, allow: NetworkAclEntryView): boolean => {
  if (deny.portRange === undefined) return true;
  if (allow.portRange === undefined) return false;
  return deny.portRange.from <= allow.portRange.from && allow.portRange.to <= deny.portRange.to;
};

/**
 * Whether one of the `earlier` entries (those evaluated before `allow`) is a deny that
 * matches every packet `allow` would match, so `allow` never decides anything.
 */
export const shadowedByDeny = (
  allow: NetworkAclEntryView,
  earlier: readonly NetworkAclEntryView[],
): boolean => {
  const allowCidr = cidrOf(allow);
  if (allowCidr === undefined) return false;

  return earlier.some((deny) => {
    const denyCidr = cidrOf(deny);
    return (
      deny.ruleAction === "deny" &&
      denyCidr !== undefined &&
      cidrCovers(denyCidr, allowCidr) &&
      (deny.protocol === ALL_PROTOCOLS || deny.protocol === allow.protocol) &&
      (deny.protocol === ALL_PROTOCOLS || portsCover(deny, allow))
    );
  });
};
