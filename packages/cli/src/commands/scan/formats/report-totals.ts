import { countSeverities, type SeverityCounts } from "@sg/core";
import type { ScanReport } from "../scan-report.js";

/** The totals every format's summary states. */
export interface ReportTotals {
  readonly accounts: number;
  readonly regions: number;
  readonly counts: SeverityCounts;
  readonly score: number;
}

/** Accounts ranked, Regions read, findings per severity and the summed score. */
export const reportTotals = (report: ScanReport): ReportTotals => ({
  accounts: report.accounts.length,
  regions: report.accounts.reduce((sum, account) => sum + account.regionsScanned, 0),
  counts: countSeverities(report.accounts.flatMap((account) => account.findings)),
  score: report.accounts.reduce((sum, account) => sum + account.score, 0),
});
