/** When one attempt was seen, over the records that count. */
export interface SightingSummary {
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
}

/**
 * The records of one attempt. With a fixed window every record added is inside it, so
 * only the running summary is kept; with a window that ends at the newest record, each
 * record's times are kept until the window is known, and records that can no longer fall
 * inside it are pruned as the newest time advances.
 */
export class Sightings {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private firstSeen = Number.POSITIVE_INFINITY;
  private lastSeen = Number.NEGATIVE_INFINITY;
  private count = 0;

  constructor(private readonly keepEach: boolean) {}

  /** Counts one record. */
  add(start: number, end: number): void {
    if (this.keepEach) {
      this.starts.push(start);
      this.ends.push(end);
      return;
    }
    this.firstSeen = Math.min(this.firstSeen, start);
    this.lastSeen = Math.max(this.lastSeen, end);
    this.count += 1;
  }

  /** Forgets kept records that ended before `from`; returns how many it forgot. */
  prune(from: number): number {
    let kept = 0;
    for (let i = 0; i < this.ends.length; i += 1) {
      if (this.ends[i]! < from) continue;
      this.starts[kept] = this.starts[i]!;
      this.ends[kept] = this.ends[i]!;
      kept += 1;
    }

    const forgotten = this.ends.length - kept;
    this.starts.length = kept;
    this.ends.length = kept;
    return forgotten;
  }

  /** The summary of the records ending at or after `from`, or none when there are none. */
  summary(from: number): SightingSummary | undefined {
    if (!this.keepEach) {
      return this.count === 0 ? undefined : this.running();
    }

    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (let i = 0; i < this.ends.length; i += 1) {
      if (this.ends[i]! < from) continue;
      first = Math.min(first, this.starts[i]!);
      last = Math.max(last, this.ends[i]!);
      count += 1;
    }
    return count === 0 ? undefined : { firstSeen: first, lastSeen: last, count };
  }

  private running(): SightingSummary {
    return { firstSeen: this.firstSeen, lastSeen: this.lastSeen, count: this.count };
  }
}
