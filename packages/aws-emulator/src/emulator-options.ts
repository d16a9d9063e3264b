import type { EstateFiles } from "./estate-files.js";
import type { AccountEstateSeed, OrganizationSeed } from "./organization-seed.js";

/** One CloudWatch Logs event to seed: a flow-log line as delivered to a log stream. */
export interface LogEventSeed {
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName: string;
  readonly ingestionTime?: number;
}

/** A Region that DescribeRegions reports. */
export interface RegionSeed {
  readonly RegionName: string;
  readonly OptInStatus: "opt-in-not-required" | "opted-in" | "not-opted-in";
}

/**
 * How to start an emulator. Everything is optional: an emulator with no options serves an
 * empty estate with AWS's defaults (60 rules per group, no quota configured in Service
 * Quotas, no page cap, every action permitted).
 */
export interface EmulatorOptions {
  /** An offline estate directory (see `loadEstateDir`); read before `estate`, if both. */
  readonly estateDir?: string;
  /** The estate as in-memory CLI documents; wins over `estateDir` when both are given. */
  readonly estate?: EstateFiles;
  /** CloudWatch Logs content: log group name → events, in any order. */
  readonly logGroups?: Readonly<Record<string, readonly LogEventSeed[]>>;
  /**
   * Quotas Service Quotas reports, keyed `service/quota-code` (`vpc/L-0EA8095F`).
   * `vpc/L-0EA8095F` is also the rules-per-group quota enforced when set.
   */
  readonly serviceQuotas?: Readonly<Record<string, number>>;
  /** Per-group overrides of the enforced rules quota (EC2 has none; tests want them). */
  readonly quotaByGroup?: Readonly<Record<string, number>>;
  /** What each prefix list costs against the quota (its max entries); 1 when unlisted. */
  readonly prefixListCosts?: Readonly<Record<string, number>>;
  /** VPCs that behave as default VPCs: revoking an unknown rule there is not an error. */
  readonly defaultVpcIds?: readonly string[];
  /** Actions the caller is not permitted: they fail with UnauthorizedOperation (403). */
  readonly deniedActions?: readonly string[];
  /** The Regions DescribeRegions knows; a small mixed list when absent. */
  readonly regions?: readonly RegionSeed[];
  /** The most items an EC2 Describe page holds, whatever MaxResults asks (default 1000). */
  readonly ec2PageSize?: number;
  /** The most events or groups a CloudWatch Logs page holds (default 10,000 / 50). */
  readonly logsPageSize?: number;
  /**
   * Zero-based page numbers of a FilterLogEvents pagination that come back empty with a
   * nextToken, as CloudWatch Logs may do; proves that clients keep paging.
   */
  readonly emptyLogPages?: readonly number[];
  /** Seed of the generator that decides which calls a throttle fault hits (default 1). */
  readonly seed?: number;
  /** The account that owns groups with no OwnerId (default 123456789012). */
  readonly accountId?: string;
  /** The Region written into ARNs (default us-east-1). */
  readonly region?: string;
  /**
   * More EC2 estates, one per account and Region. With none, the top-level estate answers
   * the default account in every Region; with some, each account × Region is served its own
   * estate (empty when not listed) and the top-level one only `accountId` in `region`.
   */
  readonly estates?: readonly AccountEstateSeed[];
  /** The Organization that Organizations lists and whose roles STS lets callers assume. */
  readonly organization?: OrganizationSeed;
  /** The most items an Organizations page holds, whatever MaxResults asks (default 20). */
  readonly organizationsPageSize?: number;
  /**
   * Zero-based page numbers of every Organizations listing that come back empty with a
   * NextToken, as Organizations may do while more results exist.
   */
  readonly emptyOrganizationPages?: readonly number[];
}
