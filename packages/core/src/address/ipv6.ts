import { err, ok, type Result } from "../result.js";
import { parseIpv4 } from "./ipv4.js";
import type { ParseError } from "./parse-error.js";

/** An IPv6 address held as an unsigned 128-bit bigint. */
export type Ipv6 = bigint;

/** The number of bits in an IPv6 address. */
export const IPV6_BITS = 128;

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

const parseHextets = (groups: readonly string[], text: string): Result<bigint[], ParseError> => {
  const values: bigint[] = [];
  for (const [index, group] of groups.entries()) {
    const isLast = index === groups.length - 1;
    if (isLast && group.includes(".")) {
      const tail = parseIpv4(group);
      if (!tail.ok) {
        return err({ input: text, reason: `has an embedded IPv4 part: ${tail.error.reason}` });
      }
      values.push(BigInt(tail.value >>> 16), BigInt(tail.value & 0xffff));
    } else if (HEXTET.test(group)) {
      values.push(BigInt(Number.parseInt(group, 16)));
    } else {
      return err({ input: text, reason: `has group "${group}", expected 1-4 hex digits` });
    }
  }
  return ok(values);
};

/**
 * Parses IPv6 text in any RFC 4291 form: full, `::`-compressed, or with an embedded
 * dotted-quad tail (`::ffff:10.0.0.1`). Zone indexes (`%eth0`) are not addresses.
 */
export const parseIpv6 = (text: string): Result<Ipv6, ParseError> => {
  const halves = text.split("::");
  if (halves.length > 2) {
    return err({ input: text, reason: 'uses "::" more than once' });
  }

  const split = (half: string): string[] => (half === "" ? [] : half.split(":"));
  const head = parseHextets(split(halves[0] ?? ""), text);
  const tail = parseHextets(split(halves[1] ?? ""), text);
  if (!head.ok) return head;
  if (!tail.ok) return tail;

  const given = head.value.length + tail.value.length;
  const compressed = halves.length === 2;
  if ((compressed && given > 7) || (!compressed && given !== 8)) {
    return err({ input: text, reason: `has ${given} groups, expected 8` });
  }

  const zeros: bigint[] = Array.from({ length: 8 - given }, () => 0n);
  const groups = [...head.value, ...zeros, ...tail.value];
  return ok(groups.reduce((value, group) => (value << 16n) | group, 0n));
};

/** Formats an address in RFC 5952's canonical text form: lower case, longest zero run `::`. */
export const formatIpv6 = (address: Ipv6): string => {
  const groups = Array.from({ length: 8 }, (_, index) =>
    Number((address >> BigInt(112 - index * 16)) & 0xffffn),
  );

  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
  }

  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) {
    return hex.join(":");
  }
  const left = hex.slice(0, bestStart).join(":");
  const right = hex.slice(bestStart + bestLength).join(":");
  return `${left}::${right}`;
};
