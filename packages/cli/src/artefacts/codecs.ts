import {
  formatCidr,
  formatIpv4,
  formatProtocol,
  parseCidr,
  parseIpv4,
  parseProtocol,
  type Cidr,
  type Ipv4,
  type Protocol,
  type Result,
} from "@sg/core";
import * as t from "io-ts";

/**
 * A codec for text that the core parses, so a bad address in an artefact is reported with
 * its JSON path like any other shape error, with the parser's reason kept.
 */
const parsedText = <A>(
  name: string,
  parse: (text: string) => Result<A, string>,
  format: (value: A) => string,
): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    name,
    (value): value is A => false,
    (value, context) => {
      if (typeof value !== "string") return t.failure(value, context);
      const parsed = parse(value);
      return parsed.ok ? t.success(parsed.value) : t.failure(value, context, parsed.error);
    },
    format,
  );

/** A canonical CIDR of either family, as artefacts write it. */
export const cidrText = parsedText<Cidr>(
  "CIDR",
  (text) => {
    const parsed = parseCidr(text);
    return parsed.ok ? parsed : { ok: false, error: parsed.error.reason };
  },
  formatCidr,
);

/** A dotted-quad IPv4 address. */
export const ipv4Text = parsedText<Ipv4>(
  "IPv4 address",
  (text) => {
    const parsed = parseIpv4(text);
    return parsed.ok ? parsed : { ok: false, error: parsed.error.reason };
  },
  formatIpv4,
);

/** A protocol as EC2 writes it: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` or a number. */
export const protocolText = parsedText<Protocol>("IP protocol", parseProtocol, formatProtocol);

/** A UTC time as ISO 8601 text, decoded to Unix seconds. */
export const isoTime = parsedText<number>(
  "ISO 8601 time",
  (text) => {
    const millis = Date.parse(text);
    return Number.isNaN(millis) || !/^\d{4}-\d{2}-\d{2}T/.test(text)
      ? { ok: false, error: "not an ISO 8601 time" }
      : { ok: true, value: Math.floor(millis / 1000) };
  },
  (seconds) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z"),
);

/** A whole number at least zero. */
export const count = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, "count");
