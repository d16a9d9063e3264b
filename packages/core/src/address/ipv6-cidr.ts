import { err, ok, type Result } from "../result.js";
import { IPV6_BITS, formatIpv6, parseIpv6, type Ipv6 } from "./ipv6.js";
import type { HostBitsPolicy } from "./ipv4-cidr.js";
import type { ParseError } from "./parse-error.js";

/**
 * An IPv6 CIDR block with a canonical base. IPv6 rules are never tightened today, but they
 * are parsed, kept, counted and reported like every other rule.
 */
export interface Ipv6Cidr {
  readonly family: "ipv6";
  readonly base: Ipv6;
  readonly length: number;
}

const ALL_ONES = (1n << 128n) - 1n;

/** The netmask of an IPv6 prefix length. */
export const ipv6Mask = (length: number): bigint =>
  (ALL_ONES << BigInt(IPV6_BITS - length)) & ALL_ONES;

/** Parses `addr/n` for IPv6, with the same host-bit policy as IPv4. */
export const parseIpv6Cidr = (
  text: string,
  hostBits: HostBitsPolicy = "reject",
): Result<Ipv6Cidr, ParseError> => {
  const slash = text.indexOf("/");
  if (slash < 0) {
    return err({ input: text, reason: "has no prefix length, expected addr/n" });
  }

  const lengthText = text.slice(slash + 1);
  const length = Number(lengthText);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(lengthText) || length > IPV6_BITS) {
    return err({ input: text, reason: `has prefix length "${lengthText}", expected 0-128` });
  }

  const address = parseIpv6(text.slice(0, slash));
  if (!address.ok) {
    return err({ input: text, reason: address.error.reason });
  }

  const base = address.value & ipv6Mask(length);
  if (base !== address.value && hostBits === "reject") {
    const canonical = `${formatIpv6(base)}/${length}`;
    return err({
      input: text,
      reason: `has host bits set below /${length}; did you mean ${canonical}?`,
    });
  }
  return ok({ family: "ipv6", base, length });
};

/** Formats an IPv6 block in canonical text form. */
export const formatIpv6Cidr = (block: Ipv6Cidr): string =>
  `${formatIpv6(block.base)}/${block.length}`;

/** Whether the IPv6 block contains the address. */
export const ipv6BlockContains = (block: Ipv6Cidr, address: Ipv6): boolean =>
  (address & ipv6Mask(block.length)) === block.base;
