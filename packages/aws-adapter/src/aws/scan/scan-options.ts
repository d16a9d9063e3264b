import type { StaticCredentials } from "../aws-estate-options.js";
import type { ScanEvent } from "./scan-result.js";

/** The role assumed in each account unless `--role-name` says otherwise. */
export const DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

/** How many account or Region reads run at once unless `--concurrency` says otherwise. */
export const DEFAULT_SCAN_CONCURRENCY = 8;

/** The Region for STS, Organizations and DescribeRegions when none is configured. */
export const DEFAULT_HOME_REGION = "us-east-1";

/**
 * Which accounts a scan covers: the Organization's (all of it, or the subtree under one
 * OU), an explicit list, or only the account the credentials belong to.
 */
export type AccountScope =
  | { readonly kind: "organization"; readonly organizationalUnitId?: string }
  | { readonly kind: "accounts"; readonly accountIds: readonly string[] }
  | { readonly kind: "current" };

/** Which Regions of each account a scan reads: every enabled one, or a fixed list. */
export type RegionScope = "all" | readonly string[];

/**
 * How to scan. Everything but the scopes is optional; unset connection settings are left
 * to the SDK (credential chain, `AWS_ENDPOINT_URL`), as for every live command.
 */
export interface ScanOptions {
  readonly accounts: AccountScope;
  readonly regions: RegionScope;
  /** The role to assume in every account but the caller's own; {@link DEFAULT_ROLE_NAME}. */
  readonly roleName?: string;
  /** The ExternalId AssumeRole passes, when the roles demand one. */
  readonly externalId?: string;
  /** The RoleSessionName, for CloudTrail; `sg-tightener-scan` unless given. */
  readonly sessionName?: string;
  /** Account and Region reads in flight at once; {@link DEFAULT_SCAN_CONCURRENCY}. */
  readonly concurrency?: number;
  /** Where STS, Organizations and DescribeRegions are called; {@link DEFAULT_HOME_REGION}. */
  readonly homeRegion?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly credentials?: StaticCredentials;
  /** Attempts per call under the SDK's standard retry (throttling included). */
  readonly maxAttempts?: number;
  /** Told about every account and Region as it finishes, for progress and streaming. */
  readonly onEvent?: (event: ScanEvent) => void;
}
