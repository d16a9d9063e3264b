import type { Inventory } from "@sg/core";
import type { NetworkAcl } from "../../local/network-acl.js";

/** An account a scan covers, as the Organization (or the caller) names it. */
export interface ScanAccount {
  readonly accountId: string;
  readonly accountName?: string;
}

/** What one account × Region read found: its groups and rules, and its network ACLs. */
export interface RegionEstate extends ScanAccount {
  readonly region: string;
  readonly inventory: Inventory;
  readonly networkAcls: readonly NetworkAcl[];
}

/**
 * Why an account or a Region could not be scanned: `access-denied` (the role could not
 * be assumed, or the role may not read), `region-disabled` (the account has not opted into
 * the Region), `throttled` (still throttled after every retry) or `error` (anything else).
 */
export type ScanProblemKind = "access-denied" | "region-disabled" | "throttled" | "error";

/** An account (no `region`) or an account × Region that could not be scanned. */
export interface ScanProblem extends ScanAccount {
  readonly region?: string;
  readonly kind: ScanProblemKind;
  /** The AWS error code. */
  readonly code: string;
  readonly message: string;
}

/** An account or Region left out on purpose: not ACTIVE, or not opted into. */
export interface ScanSkip extends ScanAccount {
  readonly region?: string;
  /** The account's State (`SUSPENDED`, `CLOSED`, …) or `not-opted-in` for a Region. */
  readonly reason: string;
}

/** Everything a scan saw, in a fixed order (by account id, then Region). */
export interface OrganizationScan {
  readonly accounts: readonly ScanAccount[];
  readonly estates: readonly RegionEstate[];
  readonly problems: readonly ScanProblem[];
  readonly skipped: readonly ScanSkip[];
}

/** One step of a running scan, in the order it happened. */
export type ScanEvent =
  | { readonly kind: "accounts-listed"; readonly accounts: readonly ScanAccount[] }
  | { readonly kind: "regions-found"; readonly account: ScanAccount; readonly regions: number }
  | { readonly kind: "region-scanned"; readonly estate: RegionEstate }
  | { readonly kind: "problem"; readonly problem: ScanProblem }
  | { readonly kind: "skipped"; readonly skip: ScanSkip };
