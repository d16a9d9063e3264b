import {
  accountRisk,
  assessGroups,
  labelNetworkAcl,
  rankAccounts,
  type NetworkAclView,
  type RankedAccount,
  type SecurityGroup,
} from "@sg/core";
import type { ScanAccount, ScanProblem, ScanSkip } from "@sg/aws-adapter";
import { ExitCode } from "../../cli/exit-codes.js";

/** One account × Region (or one offline estate, with no Region) that was read. */
export interface ScannedEstate extends ScanAccount {
  readonly region?: string;
  readonly groups: readonly SecurityGroup[];
  readonly networkAcls: readonly NetworkAclView[];
}

/** What was asked for, echoed in every format so a report says what it covers. */
export interface ScanScope {
  readonly accounts: "organization" | "accounts" | "current" | "estate";
  readonly organizationalUnitId?: string;
  readonly regions: "all" | readonly string[];
  readonly estate?: string;
  readonly threshold: number;
}

/** A ranked account with how many of its Regions were read and how many failed. */
export interface ReportedAccount extends RankedAccount {
  readonly regionsScanned: number;
  readonly regionsFailed: number;
}

/**
 * A finished scan: the accounts ranked by risk, what could not be scanned and what was
 * skipped on purpose. Every output format renders this one model.
 */
export interface ScanReport {
  readonly scope: ScanScope;
  readonly generatedAt: string;
  readonly accounts: readonly ReportedAccount[];
  readonly problems: readonly ScanProblem[];
  readonly skipped: readonly ScanSkip[];
}

/** What {@link buildScanReport} summarises. */
export interface ScanOutcome {
  readonly accounts: readonly ScanAccount[];
  readonly estates: readonly ScannedEstate[];
  readonly problems: readonly ScanProblem[];
  readonly skipped: readonly ScanSkip[];
}

/**
 * Applies the severity model to every estate read, labels its NACLs, and ranks the
 * accounts. An account that could not be entered at all is not ranked (a score of 0
 * would read as "safe"); it is listed with the problems instead.
 */
export const buildScanReport = (
  outcome: ScanOutcome,
  scope: ScanScope,
  generatedAt: Date,
): ScanReport => {
  const unreachable = new Set(
    outcome.problems.filter((p) => p.region === undefined).map((p) => p.accountId),
  );
  const risks = outcome.accounts
    .filter((account) => !unreachable.has(account.accountId))
    .map((account) => {
      const estates = outcome.estates.filter((estate) => estate.accountId === account.accountId);
      const where = (estate: ScannedEstate) => ({
        accountId: estate.accountId,
        ...(estate.region === undefined ? {} : { region: estate.region }),
      });
      return accountRisk({
        ...account,
        findings: estates.flatMap((e) => assessGroups(e.groups, scope, where(e))),
        networkAcls: estates.flatMap((e) =>
          e.networkAcls.map((acl) => labelNetworkAcl(acl, scope.threshold, where(e))),
        ),
      });
    });

  const accounts = rankAccounts(risks).map((risk) => ({
    ...risk,
    regionsScanned: outcome.estates.filter((e) => e.accountId === risk.accountId).length,
    regionsFailed: outcome.problems.filter((p) => p.accountId === risk.accountId).length,
  }));
  return {
    scope,
    generatedAt: generatedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    accounts,
    problems: outcome.problems,
    skipped: outcome.skipped,
  };
};

/**
 * The exit code of a scan: {@link ExitCode.criticalFindings} when any CRITICAL finding
 * exists, even if some accounts or Regions could not be scanned (a definite exposure
 * outranks an unknown one); else {@link ExitCode.incompleteScan} when any could not be
 * scanned; else success. Skipped accounts and Regions (not ACTIVE, not opted in) count as
 * neither.
 */
export const scanExitCode = (report: ScanReport): ExitCode => {
  if (report.accounts.some((account) => account.counts.CRITICAL > 0)) {
    return ExitCode.criticalFindings;
  }
  return report.problems.length > 0 ? ExitCode.incompleteScan : ExitCode.ok;
};
