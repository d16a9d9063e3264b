import {
  formatIpv4,
  formatIpv4Cidr,
  formatIpv6Cidr,
  formatProtocol,
  parseIpv4,
  parseIpv4Cidr,
  parseIpv6Cidr,
  parseProtocol,
  type Ipv4,
  type Ipv4Cidr,
  type Ipv6Cidr,
  type ParseError,
  type Protocol,
  type Result,
} from "@sg/core";
import * as t from "io-ts";

/**
 * A codec for a string field that the core parses into a value, so a bad CIDR, address or
 * protocol in an export is reported with its JSON path like any other shape error, and the
 * core parser's reason is kept in the message.
 */
const parsedText = <A>(
  name: string,
  is: (value: unknown) => value is A,
  parse: (text: string) => Result<A, string>,
  format: (value: A) => string,
): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    name,
    is,
    (value, context) => {
      if (typeof value !== "string") return t.failure(value, context);

      const parsed = parse(value);
      return parsed.ok ? t.success(parsed.value) : t.failure(value, context, parsed.error);
    },
    format,
  );

const reasonOnly =
  <A>(parse: (text: string) => Result<A, ParseError>) =>
  (text: string): Result<A, string> => {
    const parsed = parse(text);
    return parsed.ok ? parsed : { ok: false, error: parsed.error.reason };
  };

const isNumber = (value: unknown): value is number => typeof value === "number";

const isBlockOf =
  <B extends Ipv4Cidr | Ipv6Cidr>(family: B["family"]) =>
  (value: unknown): value is B =>
    typeof value === "object" && value !== null && (value as B).family === family;

/** An IPv4 CIDR as EC2 prints it; host bits are cleared as EC2 would have done. */
export const ipv4CidrText = parsedText<Ipv4Cidr>(
  "IPv4 CIDR",
  isBlockOf<Ipv4Cidr>("ipv4"),
  reasonOnly((text) => parseIpv4Cidr(text, "normalise")),
  formatIpv4Cidr,
);

/** An IPv6 CIDR as EC2 prints it; host bits are cleared as EC2 would have done. */
export const ipv6CidrText = parsedText<Ipv6Cidr>(
  "IPv6 CIDR",
  isBlockOf<Ipv6Cidr>("ipv6"),
  reasonOnly((text) => parseIpv6Cidr(text, "normalise")),
  formatIpv6Cidr,
);

/** A dotted-quad IPv4 address. */
export const ipv4Text = parsedText<Ipv4>(
  "IPv4 address",
  isNumber,
  reasonOnly(parseIpv4),
  formatIpv4,
);

/** An IP protocol as EC2 writes it: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` or a number. */
export const protocolText = parsedText<Protocol>(
  "IP protocol",
  isNumber,
  parseProtocol,
  formatProtocol,
);
