import { fc } from "@fast-check/vitest";
import {
  FLOW_LOG_FIELDS,
  REQUIRED_FIELDS,
  formatIpAddress,
  type FlowLogField,
  type FlowLogRecord,
  type IpAddress,
} from "@sg/core";

/** How a test writes one kept field: the record property it fills and its values. */
interface KeptField {
  readonly property: keyof FlowLogRecord;
  readonly value: fc.Arbitrary<unknown>;
  readonly render: (value: never) => string;
}

const ipAddress: fc.Arbitrary<IpAddress> = fc.oneof(
  fc.nat({ max: 0xffffffff }).map((value) => ({ family: "ipv4" as const, value })),
  fc
    .bigInt({ min: 0n, max: (1n << 128n) - 1n })
    .map((value) => ({ family: "ipv6" as const, value })),
);

const whole = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });

/** A free-text value as AWS writes ids and names: no spaces, never a lone `-`. */
const word = (pattern: RegExp): fc.Arbitrary<string> => fc.stringMatching(pattern);

const text = (value: fc.Arbitrary<string>) => ({ value, render: (v: string) => v });
const number = (max: number) => ({ value: whole(max), render: (v: number) => String(v) });
const address = { value: ipAddress, render: formatIpAddress };

/** The test's own account of every field the parser keeps, written independently of it. */
export const KEPT_FIELDS: Readonly<Partial<Record<FlowLogField, KeptField>>> = {
  version: { property: "version", ...number(11) },
  "account-id": { property: "accountId", ...text(word(/^(?:[0-9]{12}|unknown)$/)) },
  "interface-id": { property: "interfaceId", ...text(word(/^eni-[0-9a-f]{8,17}$/)) },
  srcaddr: { property: "srcaddr", ...address },
  dstaddr: { property: "dstaddr", ...address },
  srcport: { property: "srcport", ...number(65_535) },
  dstport: { property: "dstport", ...number(65_535) },
  protocol: { property: "protocol", ...number(255) },
  packets: { property: "packets", ...number(Number.MAX_SAFE_INTEGER) },
  bytes: { property: "bytes", ...number(Number.MAX_SAFE_INTEGER) },
  start: { property: "start", ...number(Number.MAX_SAFE_INTEGER) },
  end: { property: "end", ...number(Number.MAX_SAFE_INTEGER) },
  action: { property: "action", ...text(fc.constantFrom("ACCEPT", "REJECT")) },
  "log-status": { property: "logStatus", ...text(fc.constantFrom("OK", "NODATA", "SKIPDATA")) },
  "vpc-id": { property: "vpcId", ...text(word(/^vpc-[0-9a-f]{8,17}$/)) },
  "subnet-id": { property: "subnetId", ...text(word(/^subnet-[0-9a-f]{8,17}$/)) },
  "instance-id": { property: "instanceId", ...text(word(/^i-[0-9a-f]{8,17}$/)) },
  "tcp-flags": { property: "tcpFlags", ...number(255) },
  type: { property: "type", ...text(fc.constantFrom("IPv4", "IPv6", "EFA")) },
  "pkt-srcaddr": { property: "pktSrcaddr", ...address },
  "pkt-dstaddr": { property: "pktDstaddr", ...address },
  region: { property: "region", ...text(word(/^[a-z]{2}-[a-z]+-[0-9]$/)) },
  "az-id": { property: "azId", ...text(word(/^[a-z]{3,4}[0-9]-az[0-9]$/)) },
  "pkt-src-aws-service": { property: "pktSrcAwsService", ...text(word(/^[A-Z][A-Z0-9_]{1,20}$/)) },
  "pkt-dst-aws-service": { property: "pktDstAwsService", ...text(word(/^[A-Z][A-Z0-9_]{1,20}$/)) },
  "flow-direction": { property: "flowDirection", ...text(fc.constantFrom("ingress", "egress")) },
  "traffic-path": { property: "trafficPath", ...number(255) },
  "reject-reason": { property: "rejectReason", ...text(fc.constantFrom("BPA")) },
};

/** A value of a field the parser does not keep: any token without spaces. */
const ignoredValue = word(/^[A-Za-z0-9:/._-]{1,40}$/);

/**
 * Names AWS may add after this release: real-looking ones, and names that are also keys of
 * every JavaScript object, which a lookup table must not mistake for fields.
 */
export const unknownField: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom("resource-id", "next-hop-type", "instance-tag", "constructor", "prototype"),
    fc.stringMatching(/^[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}$/),
  )
  .filter((name) => !(FLOW_LOG_FIELDS as readonly string[]).includes(name));

/** A layout's fields: the required ones plus any others, some unknown, in any order. */
export const layoutFields: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.subarray(FLOW_LOG_FIELDS.filter((field) => !REQUIRED_FIELDS.includes(field))),
    fc.uniqueArray(unknownField, { maxLength: 3 }),
  )
  .chain(([extra, unknown]) => {
    const all = [...REQUIRED_FIELDS, ...extra, ...unknown];
    return fc.shuffledSubarray(all, { minLength: all.length });
  });

/** One generated line: its tokens in column order and the record they should read as. */
export interface GeneratedLine {
  readonly fields: readonly string[];
  readonly tokens: readonly string[];
  readonly expected: FlowLogRecord;
}

const columnOf = (field: string): fc.Arbitrary<[string, [string, unknown] | undefined]> => {
  const kept = Object.hasOwn(KEPT_FIELDS, field) ? KEPT_FIELDS[field as FlowLogField] : undefined;
  if (kept === undefined) return ignoredValue.map((token) => [token, undefined]);

  return fc
    .option(kept.value, { nil: undefined })
    .map((value) =>
      value === undefined
        ? ["-", undefined]
        : [kept.render(value as never), [kept.property, value]],
    );
};

/** A layout and a record of it, rendered as AWS would write it. */
export const generatedLine: fc.Arbitrary<GeneratedLine> = layoutFields.chain((fields) =>
  fc.tuple(...fields.map(columnOf)).map((columns) => ({
    fields,
    tokens: columns.map(([token]) => token),
    expected: Object.fromEntries(columns.flatMap(([, entry]) => (entry ? [entry] : []))),
  })),
);
