import { err, ok, type Result } from "../result.js";
import type { ParseError } from "./parse-error.js";

/**
 * An IPv4 address held as an unsigned 32-bit integer (0 … 2³²−1). Plain numbers keep the
 * hot paths (sorting, counting, prefix walks) allocation-free; validate at the boundary
 * with {@link parseIpv4}.
 */
export type Ipv4 = number;

/** The number of bits in an IPv4 address. */
export const IPV4_BITS = 32;

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parses dotted-quad text such as `10.0.0.1`. Leading zeros are rejected because some
 * stacks read them as octal, which would silently change the address.
 *
 * @example parseIpv4("10.0.0.1") // { ok: true, value: 167772161 }
 */
export const parseIpv4 = (text: string): Result<Ipv4, ParseError> => {
  const parts = text.split(".");
  if (parts.length !== 4) {
    return err({ input: text, reason: `has ${parts.length} dot-separated parts, expected 4` });
  }

  let value = 0;
  for (const [index, part] of parts.entries()) {
    if (!OCTET.test(part)) {
      return err({ input: text, reason: `has octet ${index + 1} "${part}", not a number 0-255` });
    }
    const octet = Number(part);
    if (octet > 255) {
      return err({ input: text, reason: `has octet ${index + 1} ${octet}, above 255` });
    }
    value = value * 256 + octet;
  }
  return ok(value);
};

/** Formats an address as dotted-quad text. */
export const formatIpv4 = (address: Ipv4): string =>
  `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
