/**
 * Scanning an AWS Organization: which accounts and Regions to read, how to enter each
 * account, and what was found or could not be read. The severity model is in @sg/core.
 */
export {
  DEFAULT_HOME_REGION,
  DEFAULT_ROLE_NAME,
  DEFAULT_SCAN_CONCURRENCY,
  type AccountScope,
  type RegionScope,
  type ScanOptions,
} from "./scan-options.js";
export type {
  OrganizationScan,
  RegionEstate,
  ScanAccount,
  ScanEvent,
  ScanProblem,
  ScanProblemKind,
  ScanSkip,
} from "./scan-result.js";
export { scanOrganization } from "./scan-organization.js";
export { listOrganizationAccounts, type OrganizationAccount } from "./organization-accounts.js";
export { assumeAccountRole, callerAccount, type RoleRequest } from "./assume-account-role.js";
export { enabledRegions, type AccountRegions } from "./enabled-regions.js";
export { readRegion } from "./read-region.js";
export { scanProblem } from "./scan-problem.js";
