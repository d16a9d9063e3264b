/**
 * @sg/aws-emulator: a local stand-in for the parts of EC2, CloudWatch Logs and Service
 * Quotas that sg-tightener calls, speaking their real wire protocols so adapter tests run
 * the real SDK v3 clients over HTTP, with an estate seeded from the offline-mode files and
 * faults injected on demand. Test support only; never shipped.
 */
export { startEmulator, type EmulatorHandle } from "./start-emulator.js";
export type { EmulatorOptions, LogEventSeed, RegionSeed } from "./emulator-options.js";
export type { EmulatorState } from "./emulator-state.js";
export type { CallFailure, Faults, Latency, Throttle } from "./faults.js";
export type { CallRecord, EmulatedService } from "./call-record.js";
export { loadEstateDir } from "./load-estate-dir.js";
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
