import type { EvidenceEntry, Protocol } from "@sg/core";

/** Why a flow-log line did not become evidence, in the order reports list them. */
export const SKIP_REASONS = [
  "rejected",
  "no-data",
  "outside-window",
  "return-traffic",
  "egress",
  "ipv6",
  "public-source",
  "incomplete",
] as const;

/** One reason from {@link SKIP_REASONS}. */
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * Accumulates evidence tuples as records stream past: one entry per (interface,
 * destination, protocol, port, source), widening its first and last seen and counting
 * the records. Memory grows with distinct tuples, never with the number of records.
 */
export class EvidenceTally {
  private readonly entries = new Map<string, MutableEntry>();
  private readonly skipped = new Map<SkipReason, number>(SKIP_REASONS.map((r) => [r, 0]));

  /** Counts one accepted, remotely initiated record. */
  add(
    interfaceId: string,
    destination: number,
    protocol: Protocol,
    port: number,
    source: number,
    start: number,
    end: number,
  ): void {
    const key = `${interfaceId}|${destination}|${protocol}|${port}|${source}`;
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, {
        interfaceId,
        destination,
        protocol,
        port,
        source,
        firstSeen: start,
        lastSeen: end,
        count: 1,
      });
      return;
    }
    entry.firstSeen = Math.min(entry.firstSeen, start);
    entry.lastSeen = Math.max(entry.lastSeen, end);
    entry.count += 1;
  }

  /** Counts one record that was not evidence. */
  skip(reason: SkipReason): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  /** Records skipped, by reason. */
  skips(): ReadonlyMap<SkipReason, number> {
    return this.skipped;
  }

  /** The entries in canonical order: interface, destination, protocol, port, source. */
  sortedEntries(): EvidenceEntry[] {
    return [...this.entries.values()]
      .sort(
        (a, b) =>
          (a.interfaceId < b.interfaceId ? -1 : a.interfaceId > b.interfaceId ? 1 : 0) ||
          a.destination - b.destination ||
          a.protocol - b.protocol ||
          a.port - b.port ||
          a.source - b.source,
      )
      .map((entry) => ({ ...entry, provenance: ["flow-logs"] }));
  }
}

interface MutableEntry {
  readonly interfaceId: string;
  readonly destination: number;
  readonly protocol: Protocol;
  readonly port: number;
  readonly source: number;
  firstSeen: number;
  lastSeen: number;
  count: number;
}
