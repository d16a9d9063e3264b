import {
  describeParseError,
  err,
  ok,
  parseIpv4,
  type EvidenceEntry,
  type Ipv4,
  type Result,
} from "@sg/core";

/** One aggregated result row as text: the tuple, its sightings and its record count. */
export interface EvidenceRow {
  readonly interfaceId: string;
  readonly destination: string;
  readonly protocol: string;
  /** The destination port; `-` or empty for protocols without ports, read as 0. */
  readonly port: string;
  readonly source: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly count: string;
}

const integer = (name: string, text: string, low: number, high: number): Result<number, string> => {
  const value = Number(text);
  return text.trim() !== "" && Number.isInteger(value) && value >= low && value <= high
    ? ok(value)
    : err(`${name} "${text}" is not a whole number from ${low} to ${high}`);
};

const address = (name: string, text: string): Result<Ipv4, string> => {
  const parsed = parseIpv4(text);
  return parsed.ok ? parsed : err(`${name} ${describeParseError(parsed.error)}`);
};

/**
 * Reads one aggregated row into an evidence entry (provenance `flow-logs`), checking every
 * value as the file reader's parser would: IPv4 addresses, protocol 0-255, port 0-65535,
 * times and counts whole and not negative. The error says which value is wrong and why.
 */
export const evidenceEntryOf = (row: EvidenceRow): Result<EvidenceEntry, string> => {
  if (row.interfaceId === "" || row.interfaceId === "-") {
    return err(`interface "${row.interfaceId}" is not an interface id`);
  }
  const port = row.port === "-" || row.port === "" ? ok(0) : integer("port", row.port, 0, 65535);
  const values = [
    address("destination", row.destination),
    address("source", row.source),
    integer("protocol", row.protocol, 0, 255),
    port,
    integer("first seen", row.firstSeen, 0, Number.MAX_SAFE_INTEGER),
    integer("last seen", row.lastSeen, 0, Number.MAX_SAFE_INTEGER),
    integer("count", row.count, 1, Number.MAX_SAFE_INTEGER),
  ] as const;
  const problem = values.find((value) => !value.ok);
  if (problem !== undefined && !problem.ok) return problem;

  const [destination, source, protocol, checkedPort, firstSeen, lastSeen, count] = values.map(
    (value) => (value.ok ? value.value : 0),
  ) as [number, number, number, number, number, number, number];
  return ok({
    interfaceId: row.interfaceId,
    destination,
    protocol,
    port: checkedPort,
    source,
    firstSeen,
    lastSeen,
    count,
    provenance: ["flow-logs"],
  });
};
