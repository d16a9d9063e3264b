import type { TimeWindow } from "@sg/core";
import type { AthenaTable } from "./athena-table.js";
import type { AthenaTableLayout } from "./athena-table-layout.js";
import { partitionCondition } from "./internal/partition-days.js";

/** The columns of the query's result, in order; the first result row repeats them. */
export const ATHENA_RESULT_COLUMNS: readonly string[] = [
  "interface_id",
  "dstaddr",
  "protocol",
  "port",
  "source",
  "first_seen",
  "last_seen",
  "records",
];

/** An RFC 1918 IPv4 address written in dotted quads: 10/8, 172.16/12 or 192.168/16. */
const PRIVATE_IPV4 =
  "^(10(\\.[0-9]{1,3}){3}|" +
  "172\\.(1[6-9]|2[0-9]|3[01])(\\.[0-9]{1,3}){2}|" +
  "192\\.168(\\.[0-9]{1,3}){2})$";
const IPV4 = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$";

/** The table as SQL names it: both parts double-quoted, as Athena's DML quotes identifiers. */
const quotedTable = ({ database, table }: AthenaTable): string => `"${database}"."${table}"`;

const sourceExpression = (columns: readonly string[]): string =>
  columns.includes("pkt_srcaddr")
    ? "CASE WHEN pkt_srcaddr IS NULL OR pkt_srcaddr = '-' THEN srcaddr ELSE pkt_srcaddr END"
    : "srcaddr";

/** Who opened the connection, as the core's initiator and inbound-evidence rules say. */
const openedBySource = (columns: readonly string[]): string[] => {
  const byPorts = "srcport >= dstport";
  const legs = columns.includes("tcp_flags")
    ? [
        "      AND CASE",
        "        WHEN protocol = 6 AND bitwise_and(coalesce(tcp_flags, 0), 2) <> 0",
        "          THEN bitwise_and(tcp_flags, 16) = 0",
        `        ELSE ${byPorts}`,
        "      END",
      ]
    : [`      AND ${byPorts}`];
  return [
    "  AND (",
    "    protocol NOT IN (6, 17)",
    "    OR (",
    "      srcport IS NOT NULL AND dstport IS NOT NULL",
    ...legs,
    "    )",
    "  )",
  ];
};

/**
 * The SQL that aggregates a flow-log table into evidence for `window` (Unix seconds, both
 * ends included), for `--print-query` and for {@link athenaEvidence}. It selects exactly the
 * records `analyse --flow-logs` keeps:
 * - ACCEPT, log-status OK (or not recorded), not egress;
 * - overlapping the window: ending at or after its start and starting at or before its end;
 * - opened by the source: with TCP flags holding SYN, the source sent SYN without ACK;
 *   otherwise (UDP, no flags, flags without SYN) the source's port is not the lower one;
 *   protocols without ports always count; TCP and UDP need both ports;
 * - source = pkt_srcaddr when present (not `-`), else srcaddr, and an RFC 1918 address;
 *   destination an IPv4 address;
 * and groups them by (interface, destination, protocol, port, source) with the first start,
 * last end and record count. The day partition restricts the scan to the window's days
 * and the day on either side. Columns the table lacks (flags, pkt_srcaddr, flow_direction,
 * log_status) drop their conditions, as a layout without them does for the file reader.
 */
export const athenaQuery = (
  table: AthenaTable,
  window: TimeWindow,
  layout: AthenaTableLayout,
): string => {
  const { columns } = layout;
  const partition = partitionCondition(layout.partitioning, window);
  const flags = columns.includes("tcp_flags") ? ["    tcp_flags,"] : [];
  const scanned = [
    ...(partition === undefined ? [] : [partition]),
    `"end" >= ${window.from}`,
    `"start" <= ${window.to}`,
    "action = 'ACCEPT'",
    ...(columns.includes("log_status") ? ["coalesce(log_status, '-') IN ('OK', '-')"] : []),
    ...(columns.includes("flow_direction") ? ["coalesce(flow_direction, '-') <> 'egress'"] : []),
  ];

  return [
    "WITH flows AS (",
    "  SELECT",
    "    interface_id,",
    "    dstaddr,",
    "    protocol,",
    "    srcport,",
    "    dstport,",
    ...flags,
    '    "start",',
    '    "end",',
    `    ${sourceExpression(columns)} AS source`,
    `  FROM ${quotedTable(table)}`,
    ...scanned.map((condition, index) => `  ${index === 0 ? "WHERE" : "  AND"} ${condition}`),
    ")",
    "SELECT",
    "  interface_id,",
    "  dstaddr,",
    "  protocol,",
    "  coalesce(dstport, 0) AS port,",
    "  source,",
    '  min("start") AS first_seen,',
    '  max("end") AS last_seen,',
    "  count(*) AS records",
    "FROM flows",
    "WHERE interface_id <> '-'",
    `  AND regexp_like(dstaddr, '${IPV4}')`,
    `  AND regexp_like(source, '${PRIVATE_IPV4}')`,
    "  AND protocol IS NOT NULL",
    ...openedBySource(columns),
    "GROUP BY interface_id, dstaddr, protocol, coalesce(dstport, 0), source",
  ].join("\n");
};
