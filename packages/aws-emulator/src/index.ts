/**
 * @sg/aws-emulator: a local stand-in for the parts of EC2, CloudWatch Logs, Service
 * Quotas, Organizations and STS that sg-tightener calls, speaking their real wire
 * protocols so adapter tests run the real SDK v3 clients over HTTP, with estates seeded
 * from the offline-mode files and faults injected on demand. Test support only.
 */
export { startEmulator, type EmulatorHandle } from "./start-emulator.js";
export type { EmulatorOptions, LogEventSeed, RegionSeed } from "./emulator-options.js";
export type {
  AccountEstateSeed,
  AccountState,
  MemberAccountSeed,
  OrganizationSeed,
  OrganizationalUnitSeed,
} from "./organization-seed.js";
export type { EmulatorState } from "./emulator-state.js";
export type { CallFailure, Faults, Latency, Throttle } from "./faults.js";
export type { CallRecord, EmulatedService } from "./call-record.js";
export type {
  AthenaColumnSeed,
  AthenaEmulation,
  AthenaPacing,
  AthenaQueryRecord,
  AthenaTableSeed,
} from "./athena-emulation.js";
export type {
  InsightsEmulation,
  InsightsFailure,
  InsightsPacing,
  InsightsQueryRecord,
  InsightsRowSeed,
} from "./insights-emulation.js";
export { loadEstateDir } from "./load-estate-dir.js";
export {
  startResponseLossProxy,
  type LostResponse,
  type ResponseLossProxy,
} from "./response-loss.js";
export type {
  AwsIpPermission,
  AwsIpRange,
  AwsIpv6Range,
  AwsNetworkAcl,
  AwsNetworkInterface,
  AwsPrefixListId,
  AwsReferencedGroupInfo,
  AwsSecurityGroup,
  AwsSecurityGroupRule,
  AwsTag,
  AwsUserIdGroupPair,
  EstateFiles,
} from "./estate-files.js";
