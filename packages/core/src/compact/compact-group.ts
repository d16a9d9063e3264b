import { blockSize, formatIpv4Cidr } from "../address/ipv4-cidr.js";
import type { SecurityGroup } from "../inventory/inventory.js";
import { ipv4QuotaCost } from "../plan/budget.js";
import { compareRules } from "../rule/rule-order.js";
import { compactedRule } from "./compacted-rule.js";
import type { CompactionMerge, CompactionRatio, GroupCompaction } from "./compaction.js";
import { compactionClasses } from "./internal/compaction-classes.js";
import { widenClass, type CompactedBlock } from "./internal/widen-class.js";

/**
 * Compacts one group at `ratio` (whole percent): within each class of IPv4 RFC 1918 CIDR
 * rules sharing protocol and ports, replaces rules by the fewest covering prefixes whose
 * uncovered share is within the ratio, and among those by the ones adding the fewest
 * addresses (exact, see the README's definition of the ratio). Rules that are not
 * candidates, and rules no merge reaches, stay untouched.
 *
 * Guarantees: every address a rule admitted before is admitted after, by a rule of the
 * same protocol and ports; no block crosses an RFC 1918 boundary; the use of the quota
 * never rises. The merges come in apply order: redundant rules first (they free slots
 * without authorising anything), then each widening, which authorises one block before
 * revoking the rules it replaces, so applying them needs at most one free rule slot. When
 * the group lacks that slot the result says why in `refusal` and must not be applied.
 *
 * Pure and deterministic: the result does not depend on the order of `group.rules`.
 */
export const compactGroup = (
  group: SecurityGroup,
  quota: number,
  ratio: CompactionRatio,
): GroupCompaction => {
  const classes = compactionClasses(group.rules);
  const blocks = classes.flatMap((members) => widenClass(members.rules, ratio));
  const merges = inApplyOrder(blocks.flatMap(mergeOf));

  const rulesBefore = group.rules.reduce((sum, rule) => sum + ipv4QuotaCost(rule), 0);
  const revoked = merges.reduce((sum, merge) => sum + merge.replaced.length, 0);
  const widened = merges.filter((merge) => merge.kind === "widened").length;
  const walk = quotaWalk(rulesBefore, quota, merges);

  return {
    groupId: group.groupId,
    ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
    quota,
    ratio,
    rulesBefore,
    rulesAfter: rulesBefore - revoked + widened,
    candidates: classes.reduce((sum, members) => sum + members.rules.length, 0),
    merges,
    addedAddresses: merges.reduce((sum, merge) => sum + merge.addedAddresses, 0),
    peakRules: walk.peak,
    ...(walk.blocked === undefined
      ? {}
      : { refusal: refusalOf(group.groupId, rulesBefore, quota, walk.blocked) }),
  };
};

const mergeOf = (compacted: CompactedBlock): CompactionMerge[] => {
  const replaced = [...compacted.replaced].sort(compareRules);
  const into = compacted.block;
  if (compacted.kept !== undefined) {
    if (replaced.length === 0) return [];
    return [
      { kind: "absorbed", into, rule: compacted.kept, replaced, addedAddresses: 0, ratio: 0 },
    ];
  }

  const rule = compactedRule(replaced, into);
  const ratio = compacted.added / blockSize(into);
  return [{ kind: "widened", into, rule, replaced, addedAddresses: compacted.added, ratio }];
};

const KIND_ORDER = { absorbed: 0, widened: 1 } as const;

const inApplyOrder = (merges: CompactionMerge[]): CompactionMerge[] =>
  merges.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareRules(a.rule, b.rule));

/**
 * Walks the merges in order: +1 when a block is authorised, −k when k rules are revoked.
 * Returns the highest use reached and the first merge whose authorise would exceed the
 * quota. Replaced rules are IPv4 CIDRs, so each costs exactly one.
 */
const quotaWalk = (
  rulesBefore: number,
  quota: number,
  merges: readonly CompactionMerge[],
): { peak: number; blocked?: CompactionMerge } => {
  let used = rulesBefore;
  let peak = used;
  let blocked: CompactionMerge | undefined;
  for (const merge of merges) {
    if (merge.kind === "widened") {
      used += 1;
      peak = Math.max(peak, used);
      if (used > quota) blocked ??= merge;
    }
    used -= merge.replaced.length;
  }
  return blocked === undefined ? { peak } : { peak, blocked };
};

const refusalOf = (
  groupId: string,
  rulesBefore: number,
  quota: number,
  blocked: CompactionMerge,
): string =>
  `${groupId} uses ${rulesBefore} of its ${quota} inbound rules: authorising ` +
  `${formatIpv4Cidr(blocked.into)} before revoking the ${blocked.replaced.length} rules it ` +
  "replaces needs one free rule slot, and compaction never revokes first. Free one rule " +
  "or raise the quota (Service Quotas code L-0EA8095F), then plan again.";
