import type { EstateFiles } from "./estate-files.js";

/** An account's lifecycle state as Organizations reports it; only ACTIVE ones are scanned. */
export type AccountState =
  "PENDING_ACTIVATION" | "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";

/** One member account of the emulated Organization. */
export interface MemberAccountSeed {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** ACTIVE unless given. */
  readonly state?: AccountState;
  /** The root or OU the account sits directly under; the root when absent. */
  readonly parentId?: string;
  /** How it joined; accounts that were invited have no OrganizationAccountAccessRole. */
  readonly joinedMethod?: "INVITED" | "CREATED";
  /**
   * The roles that trust the management account: AssumeRole of any other name is
   * AccessDenied. `["OrganizationAccountAccessRole"]` unless given; `[]` for none.
   */
  readonly roleNames?: readonly string[];
  /** When set, AssumeRole into this account must pass exactly this ExternalId. */
  readonly externalId?: string;
}

/** One organisational unit. */
export interface OrganizationalUnitSeed {
  readonly id: string;
  readonly name: string;
  /** The root or OU it sits directly under; the root when absent. */
  readonly parentId?: string;
}

/**
 * The Organization that Organizations serves. The management account is the emulator's
 * own account (`accountId`) unless given; only it may list accounts and OUs, as AWS
 * allows only the management account or a delegated administrator to.
 */
export interface OrganizationSeed {
  readonly id?: string;
  readonly rootId?: string;
  readonly managementAccountId?: string;
  readonly units?: readonly OrganizationalUnitSeed[];
  readonly accounts: readonly MemberAccountSeed[];
}

/**
 * The EC2 estate of one account in one Region. Requests are routed to it by the account
 * their access key belongs to (see the README) and the Region in their signature.
 */
export interface AccountEstateSeed {
  readonly accountId: string;
  readonly region: string;
  /** The estate as in-memory CLI documents; wins over `estateDir` when both are given. */
  readonly estate?: EstateFiles;
  readonly estateDir?: string;
}
