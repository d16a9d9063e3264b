import type { EvidenceEntry, Protocol, Provenance } from "@sg/core";
import { canonicalOrder } from "./internal/canonical-order.js";
import { TupleTable, keyOf, sightingOf, type TupleRows } from "./internal/tuple-table.js";

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
 * A tally handed from one thread to another: its interface ids (a row's first key is an
 * index into them), its rows as transferable typed arrays, and its skip counts in
 * {@link SKIP_REASONS} order.
 */
export interface TallyPart {
  readonly interfaceIds: readonly string[];
  readonly rows: TupleRows;
  readonly skips: readonly number[];
}

/**
 * Accumulates evidence tuples as records stream past: one entry per (interface,
 * destination, protocol, port, source), widening its first and last seen and counting
 * the records. Memory grows with distinct tuples, never with the number of records, and
 * stays near 50 bytes a tuple: rows are typed arrays keyed by an interned interface index.
 * Protocols are 0-255 and ports 0-65535, as flow logs carry them.
 */
export class EvidenceTally {
  private readonly interfaceIds: string[] = [];
  private readonly interfaceIndex = new Map<string, number>();
  private readonly tuples = new TupleTable();
  private readonly skipped = SKIP_REASONS.map(() => 0);

  /** The number of distinct tuples. */
  get size(): number {
    return this.tuples.size;
  }

  /** The index that stands for `interfaceId` in {@link addAt}, assigned on first use. */
  interfaceOf(interfaceId: string): number {
    const known = this.interfaceIndex.get(interfaceId);
    if (known !== undefined) return known;

    this.interfaceIds.push(interfaceId);
    this.interfaceIndex.set(interfaceId, this.interfaceIds.length - 1);
    return this.interfaceIds.length - 1;
  }

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
    this.addAt(this.interfaceOf(interfaceId), destination, protocol, port, source, start, end);
  }

  /** {@link add} for an interface already given an index by {@link interfaceOf}. */
  addAt(
    interfaceIndex: number,
    destination: number,
    protocol: Protocol,
    port: number,
    source: number,
    start: number,
    end: number,
  ): void {
    this.tuples.add(interfaceIndex, destination, (protocol << 16) | port, source, start, end, 1);
  }

  /** Counts `count` records (one by default) that were not evidence. */
  skip(reason: SkipReason, count = 1): void {
    this.skipAt(SKIP_REASONS.indexOf(reason), count);
  }

  /** {@link skip} for the reason at `index` in {@link SKIP_REASONS}, for hot loops. */
  skipAt(index: number, count = 1): void {
    this.skipped[index]! += count;
  }

  /** Records skipped, by reason. */
  skips(): ReadonlyMap<SkipReason, number> {
    return new Map(SKIP_REASONS.map((reason, index) => [reason, this.skipped[index]!]));
  }

  /** This tally for another thread; it must not be used afterwards. */
  toPart(): TallyPart {
    const rows = this.tuples.rowsView();
    return { interfaceIds: [...this.interfaceIds], rows, skips: [...this.skipped] };
  }

  /** Folds in a part built by another tally, as if its records had been added here. */
  absorb(part: TallyPart): void {
    const indexes = part.interfaceIds.map((id) => this.interfaceOf(id));
    const { rows } = part;
    for (let row = 0; row < rows.size; row += 1) {
      this.tuples.add(
        indexes[keyOf(rows, row, 0)]!,
        keyOf(rows, row, 1),
        keyOf(rows, row, 2),
        keyOf(rows, row, 3),
        sightingOf(rows, row, 0),
        sightingOf(rows, row, 1),
        sightingOf(rows, row, 2),
      );
    }
    part.skips.forEach((count, index) => (this.skipped[index]! += count));
  }

  /** Bytes held by the tuples, for the memory benchmark. */
  bytesHeld(): number {
    return this.tuples.bytesHeld();
  }

  /** The entries in canonical order: interface, destination, protocol, port, source. */
  sortedEntries(): EvidenceEntry[] {
    return [...this.entriesInOrder()];
  }

  /**
   * {@link sortedEntries} one at a time, so that millions of entries can be written out
   * without holding them all as objects.
   */
  *entriesInOrder(): Generator<EvidenceEntry, void, undefined> {
    const { interfaceIds } = this;
    const rows = this.tuples.rowsView();
    const order = canonicalOrder(rows, rankOf(interfaceIds));

    for (const row of order) {
      const service = keyOf(rows, row, 2);
      yield {
        interfaceId: interfaceIds[keyOf(rows, row, 0)]!,
        destination: keyOf(rows, row, 1),
        protocol: service >>> 16,
        port: service & 0xffff,
        source: keyOf(rows, row, 3),
        firstSeen: sightingOf(rows, row, 0),
        lastSeen: sightingOf(rows, row, 1),
        count: sightingOf(rows, row, 2),
        provenance: FROM_FLOW_LOGS,
      };
    }
  }
}

/** One provenance list for every entry: entries are read-only, and this saves an array each. */
const FROM_FLOW_LOGS: readonly Provenance[] = Object.freeze(["flow-logs"]);

/** Each id's position in code-unit order, indexed like `ids`. */
const rankOf = (ids: readonly string[]): Int32Array => {
  const ranks = new Int32Array(ids.length);
  [...ids.keys()]
    .sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
    .forEach((index, rank) => (ranks[index] = rank));
  return ranks;
};
