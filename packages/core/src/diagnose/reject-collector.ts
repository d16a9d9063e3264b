import type { TimeWindow } from "../evidence/evidence.js";
import type { FlowLogRecord } from "../flowlog/record.js";
import { TCP, UDP } from "../rule/protocol.js";
import { isBlockedAttempt } from "./blocked-attempt.js";
import { Sightings } from "./internal/sightings.js";
import { compareAttempts, type RejectedAttempt } from "./rejected-attempt.js";

/**
 * Which records count: those overlapping a fixed window, or those in the `seconds` before
 * the newest record read (the window then ends where the logs end, not at the clock).
 */
export type RejectWindow =
  | { readonly kind: "fixed"; readonly window: TimeWindow }
  | { readonly kind: "trailing"; readonly seconds: number };

/** Why a record did not count as a blocked attempt, in the order reports list them. */
export const REJECT_SKIPS = [
  "accepted",
  "not-an-attempt",
  "incomplete",
  "ipv6",
  "outside-window",
] as const;

/** One reason from {@link REJECT_SKIPS}. */
export type RejectSkip = (typeof REJECT_SKIPS)[number];

interface Tally {
  readonly key: Omit<RejectedAttempt, "firstSeen" | "lastSeen" | "count">;
  readonly sightings: Sightings;
}

/**
 * Gathers the blocked connection attempts of a stream of flow-log records, one attempt
 * per (interface, destination, protocol, port, source), counting the records and the
 * first and last time each was seen. Memory grows with distinct attempts for a fixed
 * window, and with the records inside the window for a trailing one. Records are read
 * as analyse reads them: the source is `pkt-srcaddr` when present, else `srcaddr`.
 */
export class RejectCollector {
  private readonly tallies = new Map<string, Tally>();
  private readonly skipped = new Map<RejectSkip, number>(REJECT_SKIPS.map((r) => [r, 0]));
  private newestEnd: number | undefined;
  private prunedAt: number | undefined;

  constructor(private readonly span: RejectWindow) {}

  /** Reads one record; returns why it does not count, or `undefined` when it does. */
  add(record: FlowLogRecord): RejectSkip | undefined {
    const { start, end } = record;
    if (end !== undefined) this.advance(end);

    const skip = this.skipOf(record);
    if (skip !== undefined) {
      this.skipped.set(skip, this.skipped.get(skip)! + 1);
      return skip;
    }

    const key = {
      interfaceId: record.interfaceId!,
      destination: record.dstaddr!.value as number,
      protocol: record.protocol!,
      port: record.dstport ?? 0,
      source: (record.pktSrcaddr ?? record.srcaddr)!.value as number,
    };
    const id = `${key.interfaceId}|${key.destination}|${key.protocol}|${key.port}|${key.source}`;
    let tally = this.tallies.get(id);
    if (tally === undefined) {
      tally = { key, sightings: new Sightings(this.span.kind === "trailing") };
      this.tallies.set(id, tally);
    }
    tally.sightings.add(start!, end!);
    return undefined;
  }

  /** The newest record end time read, whatever the record. */
  newest(): number | undefined {
    return this.newestEnd;
  }

  /** The window the attempts are counted in; `undefined` for a trailing one with no records. */
  window(): TimeWindow | undefined {
    if (this.span.kind === "fixed") return this.span.window;
    return this.newestEnd === undefined
      ? undefined
      : { from: this.newestEnd - this.span.seconds, to: this.newestEnd };
  }

  /** The attempts in the window, in canonical order. */
  attempts(): RejectedAttempt[] {
    const from = this.window()?.from ?? Number.NEGATIVE_INFINITY;
    const attempts: RejectedAttempt[] = [];
    for (const { key, sightings } of this.tallies.values()) {
      const summary = sightings.summary(from);
      if (summary !== undefined) attempts.push({ ...key, ...summary });
    }
    return attempts.sort(compareAttempts);
  }

  /**
   * Records that did not count, by reason. For a trailing window this first forgets the
   * records that fall before it, which is safe at any time: the window only moves forward.
   */
  skips(): ReadonlyMap<RejectSkip, number> {
    const late = this.span.kind === "trailing" ? this.prune() : 0;
    this.skipped.set("outside-window", this.skipped.get("outside-window")! + late);
    return this.skipped;
  }

  private skipOf(record: FlowLogRecord): RejectSkip | undefined {
    if (record.action !== "REJECT") return "accepted";
    if (!isBlockedAttempt(record)) return "not-an-attempt";

    const { interfaceId, dstaddr, protocol, start, end, dstport } = record;
    const source = record.pktSrcaddr ?? record.srcaddr;
    const needsPort = protocol === TCP || protocol === UDP;
    if (interfaceId === undefined || dstaddr === undefined || source === undefined) {
      return "incomplete";
    }
    if (start === undefined || end === undefined || (needsPort && dstport === undefined)) {
      return "incomplete";
    }
    if (source.family !== "ipv4" || dstaddr.family !== "ipv4") return "ipv6";
    if (this.span.kind === "fixed") {
      const { from, to } = this.span.window;
      if (end < from || start > to) return "outside-window";
    }
    return undefined;
  }

  /** Moves the newest time on, pruning kept records once a whole span has passed. */
  private advance(end: number): void {
    if (this.newestEnd !== undefined && end <= this.newestEnd) return;
    this.newestEnd = end;
    if (this.span.kind !== "trailing") return;

    this.prunedAt ??= end;
    if (end - this.prunedAt >= this.span.seconds) {
      const pruned = this.prune();
      this.skipped.set("outside-window", this.skipped.get("outside-window")! + pruned);
    }
  }

  private prune(): number {
    const from = this.window()?.from ?? Number.NEGATIVE_INFINITY;
    this.prunedAt = this.newestEnd;
    let pruned = 0;
    for (const { sightings } of this.tallies.values()) pruned += sightings.prune(from);
    return pruned;
  }
}
