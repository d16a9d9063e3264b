import type { EvidenceEntry, Provenance } from "@sg/core";
import { isoTime } from "../codecs.js";

const DAY = 86_400;
/** The first second of the year 10000, from which ISO years take more than four digits. */
const YEAR_10000 = 253_402_300_800;
/** Room for everything in a line but its interface and provenance, with a wide margin. */
const FIXED_ROOM = 320;

const ZERO = 48;
const DOT = 46;
const COLON = 58;

const ascii = (text: string): Uint8Array => Buffer.from(text, "latin1");
const INTERFACE = ascii('{"interfaceId":');
const DESTINATION = ascii(',"destination":"');
const PROTOCOL = ascii('","protocol":');
const PORT = ascii(',"port":');
const SOURCE = ascii(',"source":"');
const FIRST_SEEN = ascii('","firstSeen":"');
const LAST_SEEN = ascii('","lastSeen":"');
const COUNT = ascii('","count":');
const PROVENANCE = ascii(',"provenance":');
const CLOSE = ascii("}");
const ZULU = ascii("Z");

/**
 * One evidence entry as the compact JSON object approved.json holds per line, written as
 * UTF-8 bytes straight into a buffer: a base of millions of entries is written in the time
 * its entries take to format, and strings would make that time mostly garbage collection.
 * The evidence-base property tests hold the bytes to the codec's encoding.
 */
export class EntryBytes {
  private day = Number.NaN;
  private dayBytes: Uint8Array = new Uint8Array(0);
  private readonly interfaces = new Map<string, Uint8Array>();
  private readonly provenances = new Map<string, Uint8Array>();
  private lastProvenance: readonly Provenance[] | undefined;
  private lastProvenanceBytes: Uint8Array = new Uint8Array(0);

  /** The most bytes {@link write} can take for the entry. */
  roomFor(entry: EvidenceEntry): number {
    const interfaceId = this.interfaceOf(entry.interfaceId);
    return FIXED_ROOM + interfaceId.length + this.provenanceOf(entry.provenance).length;
  }

  /** Writes the entry into `into` from `at`, which has {@link roomFor} it, and returns the end. */
  write(entry: EvidenceEntry, into: Uint8Array, at: number): number {
    at = put(into, at, INTERFACE);
    at = put(into, at, this.interfaceOf(entry.interfaceId));
    at = put(into, at, DESTINATION);
    at = putIpv4(into, at, entry.destination);
    at = put(into, at, PROTOCOL);
    at = putNumber(into, at, entry.protocol);
    at = put(into, at, PORT);
    at = putNumber(into, at, entry.port);
    at = put(into, at, SOURCE);
    at = putIpv4(into, at, entry.source);
    at = put(into, at, FIRST_SEEN);
    at = this.putTime(into, at, entry.firstSeen);
    at = put(into, at, LAST_SEEN);
    at = this.putTime(into, at, entry.lastSeen);
    at = put(into, at, COUNT);
    at = putNumber(into, at, entry.count);
    at = put(into, at, PROVENANCE);
    at = put(into, at, this.provenanceOf(entry.provenance));
    return put(into, at, CLOSE);
  }

  private interfaceOf(interfaceId: string): Uint8Array {
    let bytes = this.interfaces.get(interfaceId);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(interfaceId), "utf8");
      this.interfaces.set(interfaceId, bytes);
    }
    return bytes;
  }

  /** Entries read from flow logs share one provenance list, so the last one is kept. */
  private provenanceOf(provenance: readonly Provenance[]): Uint8Array {
    if (provenance === this.lastProvenance) return this.lastProvenanceBytes;

    const key = provenance.join(" ");
    let bytes = this.provenances.get(key);
    if (bytes === undefined) {
      bytes = ascii(JSON.stringify(provenance));
      this.provenances.set(key, bytes);
    }
    this.lastProvenance = provenance;
    this.lastProvenanceBytes = bytes;
    return bytes;
  }

  /** {@link isoTime}'s text; entries sorted by interface repeat days, so the day is kept. */
  private putTime(into: Uint8Array, at: number, seconds: number): number {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds >= YEAR_10000) {
      return put(into, at, ascii(isoTime.encode(seconds)));
    }

    const day = Math.floor(seconds / DAY);
    if (day !== this.day) {
      this.day = day;
      this.dayBytes = ascii(isoTime.encode(day * DAY).slice(0, "YYYY-MM-DDT".length));
    }
    const within = seconds - day * DAY;
    at = put(into, at, this.dayBytes);
    at = putTwoDigits(into, at, Math.floor(within / 3600));
    into[at++] = COLON;
    at = putTwoDigits(into, at, Math.floor(within / 60) % 60);
    into[at++] = COLON;
    at = putTwoDigits(into, at, within % 60);
    return put(into, at, ZULU);
  }
}

const put = (into: Uint8Array, at: number, bytes: Uint8Array): number => {
  into.set(bytes, at);
  return at + bytes.length;
};

const putTwoDigits = (into: Uint8Array, at: number, value: number): number => {
  into[at] = ZERO + Math.floor(value / 10);
  into[at + 1] = ZERO + (value % 10);
  return at + 2;
};

/** A number as `JSON.stringify` writes it; whole numbers below 2^31 digit by digit. */
const putNumber = (into: Uint8Array, at: number, value: number): number => {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    return put(into, at, ascii(JSON.stringify(value)));
  }

  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  for (let index = digits - 1, rest = value; index >= 0; index -= 1) {
    into[at + index] = ZERO + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return at + digits;
};

const putIpv4 = (into: Uint8Array, at: number, address: number): number => {
  at = putNumber(into, at, address >>> 24);
  into[at++] = DOT;
  at = putNumber(into, at, (address >>> 16) & 0xff);
  into[at++] = DOT;
  at = putNumber(into, at, (address >>> 8) & 0xff);
  into[at++] = DOT;
  return putNumber(into, at, address & 0xff);
};
