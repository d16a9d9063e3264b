import type {
  OrganizationScan,
  RegionEstate,
  ScanAccount,
  ScanEvent,
  ScanProblem,
  ScanSkip,
} from "../scan-result.js";

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byPlace = (
  a: { accountId: string; region?: string },
  b: { accountId: string; region?: string },
): number => compareText(a.accountId, b.accountId) || compareText(a.region ?? "", b.region ?? "");

/**
 * What a running scan has found so far. Reads finish in any order; the tally tells the
 * listener as they do and hands back the results sorted by account and Region.
 */
export class ScanTally {
  private readonly estates: RegionEstate[] = [];
  private readonly problems: ScanProblem[] = [];
  private readonly skipped: ScanSkip[] = [];

  constructor(private readonly listener: ((event: ScanEvent) => void) | undefined) {}

  emit(event: ScanEvent): void {
    this.listener?.(event);
  }

  estate(estate: RegionEstate): void {
    this.estates.push(estate);
    this.emit({ kind: "region-scanned", estate });
  }

  problem(problem: ScanProblem): void {
    this.problems.push(problem);
    this.emit({ kind: "problem", problem });
  }

  skip(skip: ScanSkip): void {
    this.skipped.push(skip);
    this.emit({ kind: "skipped", skip });
  }

  result(accounts: readonly ScanAccount[]): OrganizationScan {
    return {
      accounts: [...accounts],
      estates: [...this.estates].sort(byPlace),
      problems: [...this.problems].sort(byPlace),
      skipped: [...this.skipped].sort(byPlace),
    };
  }
}
