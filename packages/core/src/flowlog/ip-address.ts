import { formatIpv4, parseIpv4, type Ipv4 } from "../address/ipv4.js";
import { formatIpv6, parseIpv6, type Ipv6 } from "../address/ipv6.js";
import type { ParseError } from "../address/parse-error.js";
import { ok, type Result } from "../result.js";

/**
 * One address of either family as a flow log reports it. Flow logs mix IPv4 and IPv6
 * records in one file, so the family travels with the value; IPv4 stays a plain number so
 * that the common case costs no bigint arithmetic.
 */
export type IpAddress =
  | { readonly family: "ipv4"; readonly value: Ipv4 }
  | { readonly family: "ipv6"; readonly value: Ipv6 };

/**
 * Parses an address of either family, choosing IPv6 when the text holds a `:`. Errors are
 * those of {@link parseIpv4} and {@link parseIpv6}, so they quote the text.
 *
 * @example parseIpAddress("10.0.0.1") // { ok: true, value: { family: "ipv4", value: 167772161 } }
 */
export const parseIpAddress = (text: string): Result<IpAddress, ParseError> => {
  if (text.includes(":")) {
    const parsed = parseIpv6(text);
    return parsed.ok ? ok<IpAddress>({ family: "ipv6", value: parsed.value }) : parsed;
  }

  const parsed = parseIpv4(text);
  return parsed.ok ? ok<IpAddress>({ family: "ipv4", value: parsed.value }) : parsed;
};

/** Formats an address in canonical text: dotted quad, or RFC 5952 for IPv6. */
export const formatIpAddress = (address: IpAddress): string =>
  address.family === "ipv4" ? formatIpv4(address.value) : formatIpv6(address.value);
