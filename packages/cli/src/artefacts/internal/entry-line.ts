import { formatIpv4, type EvidenceEntry } from "@sg/core";
import { isoTime } from "../codecs.js";

const DAY = 86_400;
/** The first second of the year 10000, from which ISO years take more than four digits. */
const YEAR_10000 = 253_402_300_800;

/**
 * One evidence entry as the compact JSON object approved.json holds per line: the codec's
 * encoding, written directly, because a base of millions of entries is written in the
 * time its entries take to format. The evidence-base property tests hold it to the codec.
 */
export class EntryLine {
  private day = Number.NaN;
  private dayText = "";
  private readonly interfaceText = new Map<string, string>();

  /** The entry as one line of JSON, without indentation or separator. */
  format(entry: EvidenceEntry): string {
    return (
      `{"interfaceId":${this.interfaceOf(entry.interfaceId)},` +
      `"destination":"${formatIpv4(entry.destination)}",` +
      `"protocol":${entry.protocol},"port":${entry.port},` +
      `"source":"${formatIpv4(entry.source)}",` +
      `"firstSeen":"${this.timeOf(entry.firstSeen)}","lastSeen":"${this.timeOf(entry.lastSeen)}",` +
      `"count":${entry.count},"provenance":${JSON.stringify(entry.provenance)}}`
    );
  }

  private interfaceOf(interfaceId: string): string {
    let text = this.interfaceText.get(interfaceId);
    if (text === undefined) {
      text = JSON.stringify(interfaceId);
      this.interfaceText.set(interfaceId, text);
    }
    return text;
  }

  /** {@link isoTime}'s text; entries sorted by interface repeat days, so the day is kept. */
  private timeOf(seconds: number): string {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds >= YEAR_10000) {
      return isoTime.encode(seconds);
    }

    const day = Math.floor(seconds / DAY);
    if (day !== this.day) {
      this.day = day;
      this.dayText = isoTime.encode(day * DAY).slice(0, "YYYY-MM-DDT".length);
    }
    const within = seconds - day * DAY;
    const hours = two(Math.floor(within / 3600));
    const minutes = two(Math.floor(within / 60) % 60);
    return `${this.dayText}${hours}:${minutes}:${two(within % 60)}Z`;
  }
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
