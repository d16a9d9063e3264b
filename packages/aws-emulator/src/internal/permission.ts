import { err, formatCidr, ok, parseCidr, type Result } from "@sg/core";
import type { AwsIpPermission, AwsTag } from "../estate-files.js";
import { apiError, invalidValue, missingParameter, type ApiError } from "./api-error.js";
import { keepsPorts, normaliseProtocol } from "./protocol.js";
import type { CandidateRule, RuleSourceRecord } from "./rule-record.js";

interface Ports {
  readonly from: number;
  readonly to: number;
}

const ALL_PORTS: Ports = { from: -1, to: -1 };
const DESCRIPTION_LIMIT = 255;

const inRange = (value: number, low: number, high: number): boolean =>
  Number.isInteger(value) && value >= low && value <= high;

const portsOf = (protocol: string, from?: number, to?: number): Result<Ports, ApiError> => {
  if (!keepsPorts(protocol)) return ok(ALL_PORTS);
  if (protocol === "icmpv6" && from === undefined && to === undefined) return ok(ALL_PORTS);
  if (from === undefined) return err(missingParameter(`FromPort (protocol ${protocol})`));
  if (to === undefined) return err(missingParameter(`ToPort (protocol ${protocol})`));

  if (protocol === "tcp" || protocol === "udp") {
    if (!inRange(from, 0, 65535)) return err(invalidValue("FromPort", String(from), "0-65535"));
    if (!inRange(to, from, 65535)) {
      return err(invalidValue("ToPort", String(to), `${from}-65535 (at least FromPort)`));
    }
    return ok({ from, to });
  }

  if (!inRange(from, -1, 255)) return err(invalidValue("FromPort", String(from), "-1-255"));
  if (!inRange(to, -1, 255)) return err(invalidValue("ToPort", String(to), "-1-255"));
  if (from === -1 && to !== -1) {
    return err(invalidValue("ToPort", String(to), "-1 when the ICMP type is -1"));
  }
  return ok({ from, to });
};

const canonicalCidr = (
  text: string,
  family: "ipv4" | "ipv6",
  parameter: string,
): Result<string, ApiError> => {
  const parsed = parseCidr(text, "normalise");
  if (!parsed.ok || parsed.value.family !== family) {
    return err(invalidValue(parameter, text, `an ${family.toUpperCase()} CIDR block`));
  }
  return ok(formatCidr(parsed.value));
};

interface SourceEntry {
  readonly source: Result<RuleSourceRecord, ApiError>;
  readonly description: string | undefined;
}

const sourcesOf = (permission: AwsIpPermission): SourceEntry[] => [
  ...(permission.IpRanges ?? []).map((range) => ({
    source: mapOk(canonicalCidr(range.CidrIp, "ipv4", "CidrIp"), (cidr) => ({
      kind: "ipv4" as const,
      cidr,
    })),
    description: range.Description,
  })),
  ...(permission.Ipv6Ranges ?? []).map((range) => ({
    source: mapOk(canonicalCidr(range.CidrIpv6, "ipv6", "CidrIpv6"), (cidr) => ({
      kind: "ipv6" as const,
      cidr,
    })),
    description: range.Description,
  })),
  ...(permission.PrefixListIds ?? []).map((entry) => ({
    source: ok({ kind: "prefix-list" as const, prefixListId: entry.PrefixListId }),
    description: entry.Description,
  })),
  ...(permission.UserIdGroupPairs ?? []).map(({ Description, ...pair }) => ({
    source:
      pair.GroupId === undefined && pair.GroupName === undefined
        ? err(missingParameter("UserIdGroupPairs.GroupId"))
        : ok({ kind: "group" as const, pair }),
    description: Description,
  })),
];

const mapOk = <T, U, E>(result: Result<T, E>, f: (value: T) => U): Result<U, E> =>
  result.ok ? ok(f(result.value)) : result;

/**
 * Splits one `IpPermission` into the single-source rules EC2 stores, validating the
 * protocol, the ports, every CIDR (host bits are cleared, as EC2 does) and every
 * description. The first invalid part fails the whole permission.
 */
export const explodePermission = (
  permission: AwsIpPermission,
  target: { readonly groupId: string; readonly isEgress: boolean },
  tags: readonly AwsTag[],
): Result<CandidateRule[], ApiError> => {
  const protocol = normaliseProtocol(permission.IpProtocol);
  if (!protocol.ok) return protocol;
  const ports = portsOf(protocol.value, permission.FromPort, permission.ToPort);
  if (!ports.ok) return ports;

  const entries = sourcesOf(permission);
  if (entries.length === 0) {
    return err(
      apiError(
        "MissingParameter",
        "Each permission must name a source: IpRanges, Ipv6Ranges, PrefixListIds or Groups.",
      ),
    );
  }

  const rules: CandidateRule[] = [];
  for (const { source, description } of entries) {
    if (!source.ok) return source;
    if (description !== undefined && description.length > DESCRIPTION_LIMIT) {
      return err(invalidValue("Description", description, "at most 255 characters"));
    }
    rules.push({
      ...target,
      protocol: protocol.value,
      fromPort: ports.value.from,
      toPort: ports.value.to,
      source: source.value,
      ...(description !== undefined && { description }),
      tags,
    });
  }
  return ok(rules);
};
