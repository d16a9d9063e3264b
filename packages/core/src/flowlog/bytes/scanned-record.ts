import type { IpAddress } from "../ip-address.js";
import { Slot } from "./internal/byte-slots.js";
import { ABSENT_VALUE, SCANNED_TEXT_FIELDS } from "./scanned-fields.js";

/**
 * One flow-log record as the byte scanner leaves it: the same fields as a
 * {@link FlowLogRecord}, coded as numbers so that scanning tens of millions of IPv4 lines
 * allocates nothing. Numbers are {@link ABSENT_VALUE} when missing; addresses hold the IPv4
 * value, {@link ABSENT_VALUE}, or {@link IPV6_VALUE} with the IPv6 address in `wide`; `action`,
 * `logStatus` and `flowDirection` hold the codes above; free text is located, not decoded:
 * `spans[2i]` and `spans[2i + 1]` bound the bytes of `SCANNED_TEXT_FIELDS[i]`, -1 when missing.
 *
 * A scanner owns one and overwrites it on every line, so read it before the next scan.
 */
export class ScannedRecord {
  /** Every numeric field and code, indexed by the scanner's slot numbers. */
  readonly values = new Float64Array(Slot.Text).fill(ABSENT_VALUE);
  /**
   * The IPv6 value of each address field coded {@link IPV6_VALUE}, in the order of
   * {@link SCANNED_ADDRESS_FIELDS}.
   */
  readonly wide: (IpAddress | undefined)[] = [undefined, undefined, undefined, undefined];
  readonly spans = new Int32Array(SCANNED_TEXT_FIELDS.length * 2).fill(-1);

  get version(): number {
    return this.values[Slot.Version]!;
  }
  get srcaddr(): number {
    return this.values[Slot.Srcaddr]!;
  }
  get dstaddr(): number {
    return this.values[Slot.Dstaddr]!;
  }
  get srcport(): number {
    return this.values[Slot.Srcport]!;
  }
  get dstport(): number {
    return this.values[Slot.Dstport]!;
  }
  get protocol(): number {
    return this.values[Slot.Protocol]!;
  }
  get packets(): number {
    return this.values[Slot.Packets]!;
  }
  get bytes(): number {
    return this.values[Slot.Bytes]!;
  }
  get start(): number {
    return this.values[Slot.Start]!;
  }
  get end(): number {
    return this.values[Slot.End]!;
  }
  get action(): number {
    return this.values[Slot.Action]!;
  }
  get logStatus(): number {
    return this.values[Slot.LogStatus]!;
  }
  get tcpFlags(): number {
    return this.values[Slot.TcpFlags]!;
  }
  get pktSrcaddr(): number {
    return this.values[Slot.PktSrcaddr]!;
  }
  get pktDstaddr(): number {
    return this.values[Slot.PktDstaddr]!;
  }
  get flowDirection(): number {
    return this.values[Slot.FlowDirection]!;
  }
  get trafficPath(): number {
    return this.values[Slot.TrafficPath]!;
  }
}
