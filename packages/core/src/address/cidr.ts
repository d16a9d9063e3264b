import { err, type Result } from "../result.js";
import { formatIpv4Cidr, parseIpv4Cidr, type HostBitsPolicy, type Ipv4Cidr } from "./ipv4-cidr.js";
import { formatIpv6Cidr, parseIpv6Cidr, type Ipv6Cidr } from "./ipv6-cidr.js";
import type { ParseError } from "./parse-error.js";

/**
 * A CIDR block of either family. The `family` tag lets code that handles both (rule
 * models, reports) dispatch once, while the arithmetic stays family-specific and fast.
 */
export type Cidr = Ipv4Cidr | Ipv6Cidr;

/** Parses a CIDR of either family, choosing the family by the presence of `:`. */
export const parseCidr = (
  text: string,
  hostBits: HostBitsPolicy = "reject",
): Result<Cidr, ParseError> => {
  if (text.length === 0) {
    return err({ input: text, reason: "is empty, expected a CIDR block" });
  }
  return text.includes(":") ? parseIpv6Cidr(text, hostBits) : parseIpv4Cidr(text, hostBits);
};

/** Formats a CIDR of either family in canonical text form. */
export const formatCidr = (block: Cidr): string =>
  block.family === "ipv4" ? formatIpv4Cidr(block) : formatIpv6Cidr(block);
