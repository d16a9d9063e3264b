import { parseIpv4Cidr, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import { err, ok, type Result } from "../result.js";
import type { IpRangePrefix, IpRanges } from "./ip-ranges.js";

/** One thing wrong with an ip-ranges.json document: where (a JSON path) and what. */
export interface IpRangesProblem {
  readonly path: string;
  readonly reason: string;
}

const SHOWN_PROBLEMS = 10;

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

const textAt = (
  object: Json,
  key: string,
  path: string,
  problems: IpRangesProblem[],
): string | undefined => {
  const value = object[key];
  if (typeof value === "string") return value;
  problems.push({ path: `${path}.${key}`, reason: `is ${quote(value)}, expected a string` });
  return undefined;
};

const blockAt = (prefix: Json, path: string, problems: IpRangesProblem[]): Ipv4Cidr | undefined => {
  const text = textAt(prefix, "ip_prefix", path, problems);
  if (text === undefined) return undefined;

  const parsed = parseIpv4Cidr(text);
  if (parsed.ok) return parsed.value;
  problems.push({ path: `${path}.ip_prefix`, reason: `"${text}" ${parsed.error.reason}` });
  return undefined;
};

const prefixAt = (
  value: unknown,
  path: string,
  problems: IpRangesProblem[],
): IpRangePrefix | undefined => {
  if (!isObject(value)) {
    problems.push({ path, reason: `is ${quote(value)}, expected an object with ip_prefix` });
    return undefined;
  }

  const block = blockAt(value, path, problems);
  const region = textAt(value, "region", path, problems);
  const service = textAt(value, "service", path, problems);
  const border = value.network_border_group;
  if (block === undefined || region === undefined || service === undefined) return undefined;
  return {
    block,
    region,
    ...(typeof border === "string" ? { networkBorderGroup: border } : {}),
    service,
  };
};

/**
 * Reads AWS's ip-ranges.json, already parsed from JSON: `syncToken`, `createDate` and
 * every IPv4 prefix with its Region and service; IPv6 prefixes are counted, not kept.
 * Fails with every problem found (up to ten), each naming its JSON path and quoting the
 * bad value, so a truncated or foreign file is refused rather than half-trusted.
 */
export const parseIpRanges = (document: unknown): Result<IpRanges, IpRangesProblem[]> => {
  if (!isObject(document)) {
    return err([{ path: "$", reason: "is not a JSON object with syncToken and prefixes" }]);
  }

  const problems: IpRangesProblem[] = [];
  const syncToken = textAt(document, "syncToken", "$", problems);
  const createDate = textAt(document, "createDate", "$", problems);
  const listed = document.prefixes;
  const ipv6 = document.ipv6_prefixes ?? [];
  if (!Array.isArray(listed)) {
    problems.push({ path: "$.prefixes", reason: `is ${quote(listed)}, expected an array` });
  }
  if (!Array.isArray(ipv6)) {
    problems.push({ path: "$.ipv6_prefixes", reason: `is ${quote(ipv6)}, expected an array` });
  }

  const prefixes = (Array.isArray(listed) ? listed : []).flatMap(
    (value, index) => prefixAt(value, `$.prefixes[${index}]`, problems) ?? [],
  );
  if (problems.length > 0 || syncToken === undefined || createDate === undefined) {
    return err(problems.slice(0, SHOWN_PROBLEMS));
  }
  return ok({ syncToken, createDate, prefixes, ipv6PrefixCount: (ipv6 as unknown[]).length });
};
