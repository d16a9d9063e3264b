import { compareText } from "../internal/compare-text.js";
import type { EvidenceEntry, Provenance } from "./evidence.js";

const keyOf = (entry: EvidenceEntry): string =>
  `${entry.interfaceId}|${entry.destination}|${entry.protocol}|${entry.port}|${entry.source}`;

/** Orders entries by interface, destination, protocol, port and source. */
export const compareEvidence = (a: EvidenceEntry, b: EvidenceEntry): number =>
  compareText(a.interfaceId, b.interfaceId) ||
  a.destination - b.destination ||
  a.protocol - b.protocol ||
  a.port - b.port ||
  a.source - b.source;

const union = (a: readonly Provenance[], b: readonly Provenance[]): Provenance[] =>
  [...new Set([...a, ...b])].sort(compareText);

/**
 * Merges evidence from any number of bases (one per account, or an old base and what was
 * read since) into one: entries with the same interface, destination, protocol, port and
 * source become one, seen from the earliest first sighting to the latest last, with their
 * counts added and their provenance joined. Associative and order-independent, so bases
 * can be merged in any grouping; the result is in canonical order.
 */
export const mergeEvidence = (...bases: readonly (readonly EvidenceEntry[])[]): EvidenceEntry[] => {
  const merged = new Map<string, EvidenceEntry>();
  for (const entries of bases) {
    for (const entry of entries) {
      const key = keyOf(entry);
      const held = merged.get(key);
      merged.set(
        key,
        held === undefined
          ? { ...entry, provenance: union(entry.provenance, []) }
          : {
              ...held,
              firstSeen: Math.min(held.firstSeen, entry.firstSeen),
              lastSeen: Math.max(held.lastSeen, entry.lastSeen),
              count: held.count + entry.count,
              provenance: union(held.provenance, entry.provenance),
            },
      );
    }
  }
  return [...merged.values()].sort(compareEvidence);
};
