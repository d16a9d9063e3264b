/**
 * @sg/core: the pure heart of sg-tightener. Every decision (address arithmetic,
 * eligibility, evidence attribution, collapse, budget, plan) is a function from data to
 * data. Nothing here reads files, calls AWS, reads the clock or prints.
 */
export { err, ok, type Err, type Ok, type Result } from "./result.js";

export { describeParseError, type ParseError } from "./address/parse-error.js";
export { IPV4_BITS, formatIpv4, parseIpv4, type Ipv4 } from "./address/ipv4.js";
export { IPV6_BITS, formatIpv6, parseIpv6, type Ipv6 } from "./address/ipv6.js";
export {
  blockContains,
  blockLast,
  blockSize,
  compareBlocks,
  coveringBlock,
  coveringBlockOfAddresses,
  formatIpv4Cidr,
  ipv4Cidr,
  ipv4Mask,
  ipv4PrefixSize,
  isSubsetOf,
  mergeSiblings,
  overlaps,
  parseIpv4Cidr,
  sameBlock,
  type HostBitsPolicy,
  type Ipv4Cidr,
} from "./address/ipv4-cidr.js";
export {
  formatIpv6Cidr,
  ipv6BlockContains,
  ipv6Mask,
  parseIpv6Cidr,
  type Ipv6Cidr,
} from "./address/ipv6-cidr.js";
export { formatCidr, parseCidr, type Cidr } from "./address/cidr.js";
export { RFC1918_BLOCKS, isRfc1918Address, rfc1918HomeOf } from "./address/rfc1918.js";

export {
  ALL_PROTOCOLS,
  ICMP,
  ICMPV6,
  TCP,
  UDP,
  formatProtocol,
  hasPorts,
  parseProtocol,
  type Protocol,
} from "./rule/protocol.js";
export type {
  CidrSource,
  GroupReference,
  PortRange,
  PrefixListReference,
  Rule,
  RuleSource,
} from "./rule/rule.js";
export { admitsTraffic } from "./rule/admits.js";
export {
  describeRule,
  formatPorts,
  formatSource,
  formatTraffic,
  ruleKey,
} from "./rule/rule-key.js";
export {
  DEFAULT_ELIGIBILITY_THRESHOLD,
  eligibilityOf,
  type Eligibility,
  type IneligibleReason,
} from "./rule/eligibility.js";

export type { Inventory, NetworkInterface, SecurityGroup } from "./inventory/inventory.js";
export {
  seenWithin,
  type EvidenceEntry,
  type Provenance,
  type TimeWindow,
} from "./evidence/evidence.js";
export {
  attributeEvidence,
  type Attribution,
  type AttributionStats,
} from "./evidence/attribution.js";
export { compareEvidence, mergeEvidence } from "./evidence/merge-evidence.js";

export {
  DEFAULT_TOLERANCE,
  ESCALATION_CEILING,
  ESCALATION_STEP,
  widestTolerableSize,
  withinTolerance,
  type TolerancePercent,
} from "./collapse/tolerance.js";
export { gapToleranceBlocks } from "./collapse/gap-tolerance.js";
export { toleranceProfile } from "./collapse/tolerance-profile.js";
export { mergeExactSiblings } from "./collapse/sibling-merge.js";
export { forceMergeToBudget, type ForcedMerge } from "./collapse/forced-merge.js";
export { collapseClassic } from "./collapse/collapse-classic.js";
export { collapseOptimal } from "./collapse/collapse-optimal.js";
export { trustedBy, type Collapse, type RuleEvidence } from "./collapse/collapse.js";
export type { CollapseStep } from "./collapse/collapse-step.js";
export { sortedUniqueAddresses } from "./internal/sorted-addresses.js";

export { compareRules } from "./rule/rule-order.js";
export { budgetOf, ipv4QuotaCost, type ApplyOrder, type Budget } from "./plan/budget.js";
export { scheduleSteps, type ApplyStep, type Replacement } from "./plan/apply-steps.js";
export { quotaTradeOff, type QuotaTradeOff } from "./plan/quota-trade-off.js";
export { selectRulesWithinBudget, type SelectionCandidate } from "./plan/rule-selection.js";
export { MAX_DESCRIPTION_LENGTH, replacementRule } from "./plan/replacement-rule.js";
export { planGroup } from "./plan/plan-group.js";
export { buildPlan, type PlanOptions } from "./plan/build-plan.js";
export { canonicalSnapshot } from "./plan/snapshot.js";
export type {
  GroupPlan,
  Plan,
  PlanSettings,
  PlanTotals,
  RulePlan,
  RuleStatus,
} from "./plan/plan.js";

export * from "./flowlog/index.js";
export {
  costCurve,
  coverAt,
  describeOptimalCoverError,
  optimalGroupCover,
  tradeOffCurve,
  type CostCurve,
  type GroupCover,
  type OptimalCoverError,
  type RuleCover,
  type RuleRequirement,
  type TradeOffCurve,
  type TradeOffPoint,
} from "./optimal/index.js";

export * from "./risk/index.js";

export type { CompactionMerge, CompactionRatio, GroupCompaction } from "./compact/compaction.js";
export { compactGroup } from "./compact/compact-group.js";
export { compactedRule } from "./compact/compacted-rule.js";
export { compactionSteps } from "./compact/compaction-steps.js";
export { SWEEP_RATIOS, compactionSweep, type SweepPoint } from "./compact/compaction-sweep.js";
export { rankByQuotaUse, type QuotaUse } from "./compact/quota-use.js";
export { checkCompactionSteps } from "./compact/check-compaction.js";

export * from "./nacl/index.js";
export * from "./ip-ranges/index.js";
export * from "./diagnose/index.js";
export * from "./extend/index.js";
export * from "./flowlog/bytes/index.js";
