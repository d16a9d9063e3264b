/**
 * Risk: which inbound rules expose an estate, how badly, and which accounts of an
 * organisation to fix first. A severity model over security-group rules, labels for
 * network ACLs, a severity-weighted score per account and a ranking.
 */
export {
  SEVERITIES,
  SEVERITY_WEIGHTS,
  compareSeverity,
  countSeverities,
  severityRank,
  type Severity,
  type SeverityCounts,
} from "./severity.js";
export {
  ADMIN_PORTS,
  adminPortsReached,
  formatAdminPort,
  opensEveryPort,
  type AdminPort,
} from "./admin-ports.js";
export {
  BROAD_PUBLIC_IPV4_LENGTH,
  BROAD_PUBLIC_IPV6_LENGTH,
  addressesTrusted,
  exposureOf,
  type Exposure,
} from "./exposure.js";
export {
  MEDIUM_PRIVATE_ADDRESSES,
  MEDIUM_PRIVATE_ADMIN_ADDRESSES,
  assessRule,
  type FindingScope,
  type RiskOptions,
  type RuleFinding,
} from "./rule-finding.js";
export { compareFindings } from "./finding-order.js";
export { assessGroups } from "./assess-groups.js";
export {
  labelNetworkAcl,
  type LabelledNetworkAcl,
  type NaclEntryLabel,
  type NaclLabel,
  type NetworkAclEntryView,
  type NetworkAclView,
} from "./network-acl-labels.js";
export {
  DEFAULT_TOP_FINDINGS,
  accountRisk,
  riskScore,
  type AccountFindings,
  type AccountRisk,
} from "./account-risk.js";
export { compareAccountRisk, rankAccounts, type RankedAccount } from "./rank-accounts.js";
