import {
  ATHENA_RESULT_COLUMNS,
  DOCUMENTED_COLUMNS,
  type QueryClientOptions,
} from "@sg/aws-adapter";
import type { AthenaColumnSeed, AthenaTableSeed, InsightsRowSeed } from "@sg/aws-emulator";
import { formatIpAddress } from "@sg/core";
import type { KeptRecord } from "./demo-records.js";

/** Client options aimed at the emulator, one attempt a call unless a test wants retries. */
export const clientAt = (endpoint: string, maxAttempts = 1): QueryClientOptions => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIAANALYTICSTEST01", secretAccessKey: "analytics-secret" },
  maxAttempts,
});

/** Polling fast enough for tests. */
export const FAST_POLL = { firstMs: 1, maxMs: 4 };

const INTEGER_COLUMNS = new Set(["version", "srcport", "dstport", "tcp_flags", "traffic_path"]);
const BIGINT_COLUMNS = new Set(["protocol", "packets", "bytes", "start", "end"]);

/** The documented table's columns with AWS's DDL types. */
export const DOCUMENTED_COLUMN_SEEDS: readonly AthenaColumnSeed[] = DOCUMENTED_COLUMNS.map(
  (Name) => ({
    Name,
    Type: INTEGER_COLUMNS.has(Name) ? "int" : BIGINT_COLUMNS.has(Name) ? "bigint" : "string",
  }),
);

/** A documented table partitioned by `date`, answering with `rows`. */
export const documentedTable = (
  rows: readonly (readonly (string | null)[])[],
  scannedBytes = 0,
): AthenaTableSeed => ({
  columns: DOCUMENTED_COLUMN_SEEDS,
  partitionKeys: [{ Name: "date", Type: "date" }],
  resultColumns: ATHENA_RESULT_COLUMNS,
  resultRows: rows,
  scannedBytes,
});

const sourceOf = ({ record }: KeptRecord): string =>
  formatIpAddress((record.pktSrcaddr ?? record.srcaddr)!);

/**
 * What Athena's aggregation returns for these records: one row per tuple with the first
 * start, last end and record count, every value as text, in the order tuples first appear.
 */
export const athenaRowsOf = (kept: readonly KeptRecord[]): string[][] => {
  const rows = new Map<string, string[]>();
  for (const each of kept) {
    const { interfaceId, dstaddr, protocol, dstport, start, end } = each.record;
    const tuple = [
      interfaceId!,
      formatIpAddress(dstaddr!),
      String(protocol),
      String(dstport ?? 0),
      sourceOf(each),
    ];
    const key = tuple.join(" ");
    const held = rows.get(key);
    rows.set(
      key,
      held === undefined
        ? [...tuple, String(start), String(end), "1"]
        : [
            ...tuple,
            String(Math.min(Number(held[5]), start!)),
            String(Math.max(Number(held[6]), end!)),
            String(Number(held[7]) + 1),
          ],
    );
  }
  return [...rows.values()];
};

/**
 * The rows a Logs Insights query's `parse` and `filter` commands would pass on for these
 * records, named as the query names them: discovered fields for the default format,
 * `f_`-prefixed parsed fields for a custom one. Timestamps are the records' starts.
 */
export const insightsRowsOf = (kept: readonly KeptRecord[]): InsightsRowSeed[] =>
  kept.map(({ layout, record, srcaddr, pktSrcaddr }): InsightsRowSeed => {
    const values = {
      interface: record.interfaceId!,
      dst: formatIpAddress(record.dstaddr!),
      protocol: String(record.protocol),
      port: record.dstport === undefined ? "-" : String(record.dstport),
      start: String(record.start),
      end: String(record.end),
    };
    const fields: Record<string, string> =
      layout === "default"
        ? {
            interfaceId: values.interface,
            dstAddr: values.dst,
            protocol: values.protocol,
            dstPort: values.port,
            srcAddr: srcaddr,
            startTime: values.start,
            endTime: values.end,
          }
        : {
            f_interface_id: values.interface,
            f_dstaddr: values.dst,
            f_protocol: values.protocol,
            f_dstport: values.port,
            f_srcaddr: srcaddr,
            f_pkt_srcaddr: pktSrcaddr,
            f_start: values.start,
            f_end: values.end,
          };
    return { timestamp: record.start! * 1000, fields };
  });
