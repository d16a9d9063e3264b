import { compareText } from "../internal/compare-text.js";
import type { AccountRisk } from "./account-risk.js";
import { SEVERITIES } from "./severity.js";

/**
 * The ranking order of accounts: the highest score first; on equal scores the account
 * with more CRITICAL findings, then more HIGH, MEDIUM and LOW; then the account id in
 * ascending text order. A total order, so a ranking never depends on input order.
 */
export const compareAccountRisk = (a: AccountRisk, b: AccountRisk): number =>
  b.score - a.score ||
  SEVERITIES.reduce((order, severity) => order || b.counts[severity] - a.counts[severity], 0) ||
  compareText(a.accountId, b.accountId);

/** One place in the ranking: 1 for the riskiest account. */
export interface RankedAccount extends AccountRisk {
  readonly rank: number;
}

/** Ranks accounts by {@link compareAccountRisk}. Does not alter its input. */
export const rankAccounts = (accounts: readonly AccountRisk[]): RankedAccount[] =>
  [...accounts].sort(compareAccountRisk).map((account, index) => ({ ...account, rank: index + 1 }));
