import { assessGroups, countSeverities, type RuleFinding } from "@sg/core";
import type { ScanEvent } from "@sg/aws-adapter";
import type { ConsoleIo } from "../../cli/console-io.js";

interface AccountTally {
  expected: number | undefined;
  settled: number;
  done: boolean;
}

/**
 * Progress of a live scan on stderr: a status line redrawn as each Region settles, and
 * one plain line as each account finishes (so logs of a pipeline show it too), both
 * saying how many accounts and Regions are done and the findings so far by severity.
 */
export class ScanProgress {
  private readonly accounts = new Map<string, AccountTally>();
  private readonly findings: RuleFinding[] = [];
  private regionsDone = 0;

  constructor(
    private readonly io: ConsoleIo,
    private readonly threshold: number,
  ) {}

  /** Takes one event of the scan; see `ScanEvent`. */
  readonly hear = (event: ScanEvent): void => {
    switch (event.kind) {
      case "accounts-listed":
        for (const account of event.accounts) {
          this.accounts.set(account.accountId, { expected: undefined, settled: 0, done: false });
        }
        this.io.err(`scan: ${event.accounts.length} accounts to scan`);
        return;
      case "regions-found":
        this.tally(event.account.accountId).expected = event.regions;
        this.settle(event.account.accountId, 0);
        return;
      case "region-scanned":
        this.findings.push(
          ...assessGroups(event.estate.inventory.groups, { threshold: this.threshold }),
        );
        this.settle(event.estate.accountId, 1);
        return;
      case "problem":
        if (event.problem.region === undefined) this.tally(event.problem.accountId).expected = 0;
        this.settle(event.problem.accountId, event.problem.region === undefined ? 0 : 1);
        return;
      case "skipped":
        return;
    }
  };

  private tally(accountId: string): AccountTally {
    const found = this.accounts.get(accountId) ?? { expected: undefined, settled: 0, done: false };
    this.accounts.set(accountId, found);
    return found;
  }

  private settle(accountId: string, regions: number): void {
    const tally = this.tally(accountId);
    tally.settled += regions;
    this.regionsDone += regions;
    this.io.status(this.line());

    if (!tally.done && tally.expected !== undefined && tally.settled >= tally.expected) {
      tally.done = true;
      this.io.err(`scan: account ${accountId} done; ${this.line()}`);
    }
  }

  private line(): string {
    const done = [...this.accounts.values()].filter((tally) => tally.done).length;
    const counts = countSeverities(this.findings);
    return (
      `${done}/${this.accounts.size} accounts, ${this.regionsDone} Regions done; ` +
      "findings so far: " +
      `${counts.CRITICAL} CRITICAL, ${counts.HIGH} HIGH, ${counts.MEDIUM} MEDIUM, ${counts.LOW} LOW`
    );
  }
}
