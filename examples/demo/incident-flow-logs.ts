/**
 * An incident on the demo estate, a week after it was tightened: flow-log files (as VPC
 * Flow Logs delivers them to S3) holding the REJECTs diagnose and extend read. A disaster-
 * recovery site (10.0.40.0/27) and two reporting hosts the 90-day window never saw are
 * refused, with everything else a REJECT log carries that is not a blocked connection:
 * sources a rule still admits, public sources, reply legs, packets after FIN or RST,
 * egress records, NODATA and SKIPDATA lines, and a REJECT older than the 24-hour window.
 * Deterministic: the same files every run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  API,
  DB,
  INCIDENT_NOW,
  INCIDENT_SOURCES,
  WEB_1,
  WEB_2,
  drInterface,
  type Interface,
} from "./incident-sources.js";

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
const HOUR = 3_600;
const VPC = "vpc-0a1b2c3d4e5f60718";
const INSTANCE = "i-0a11ce0000000f00d";

const V2_FIELDS =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status";
const V5_FIELDS =
  `${V2_FIELDS} vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr ` +
  "flow-direction traffic-path";

interface Flow {
  readonly nic: Interface;
  readonly src: string;
  readonly dst: string;
  readonly srcport: number;
  readonly dstport: number;
  readonly start: number;
  readonly action: "ACCEPT" | "REJECT";
  /** tcp-flags, for the version 5 log. */
  readonly flags: number;
  readonly direction: "ingress" | "egress";
}

/** A connection attempt from `source` to the interface's `port`, opened with a SYN. */
const attempt = (
  nic: Interface,
  source: string,
  port: number,
  start: number,
  action: "ACCEPT" | "REJECT" = "REJECT",
): Flow => ({
  nic,
  src: source,
  dst: nic.address,
  srcport: 40000 + (start % 20000),
  dstport: port,
  start,
  action,
  flags: action === "ACCEPT" ? 3 : 2,
  direction: "ingress",
});

const record = ({ nic, src, dst, srcport, dstport, start, action, ...v5 }: Flow): string => {
  const common =
    `${nic.log === "v2" ? 2 : 5} ${ACCOUNT} ${nic.id} ${src} ${dst} ${srcport} ${dstport} ` +
    `6 3 180 ${start} ${start + 50} ${action} OK`;
  const path = v5.direction === "egress" ? 1 : "-";
  return nic.log === "v2"
    ? common
    : `${common} ${VPC} ${nic.subnet} ${INSTANCE} ${v5.flags} IPv4 ${src} ${dst} ` +
        `${v5.direction} ${path}`;
};

/** A NODATA or SKIPDATA line: every traffic field `-`. */
const empty = (nic: Interface, status: string, at: number): string => {
  const version = nic.log === "v2" ? 2 : 5;
  const line = `${version} ${ACCOUNT} ${nic.id} - - - - - - - ${at} ${at + 60} - ${status}`;
  return nic.log === "v2" ? line : `${line} - - - - - - - - -`;
};

/** The blocked connections, each tried at two or three moments of the window. */
const refused = (at: (step: number) => number): Flow[] => [
  ...INCIDENT_SOURCES.recoverySite.flatMap((source, i) =>
    [0, 1].map((retry) => attempt(drInterface(i), source, 443, at(i + retry * 40))),
  ),
  ...INCIDENT_SOURCES.reportingHosts.flatMap((source, i) =>
    [0, 1, 2].map((retry) => attempt(DB, source, 5432, at(80 + i * 3 + retry))),
  ),
  attempt(API, INCIDENT_SOURCES.partner, 8443, at(90)),
  attempt(API, INCIDENT_SOURCES.naclDenied, 9090, at(91)),
  attempt(WEB_2, INCIDENT_SOURCES.admitted[0], 443, at(92)),
  attempt(API, INCIDENT_SOURCES.admitted[1], 9090, at(93)),
];

/** Public sources refused on the web tier's tcp/443. */
const publicSources = (at: (step: number) => number): Flow[] =>
  [
    ...INCIDENT_SOURCES.healthCheckers,
    ...INCIDENT_SOURCES.amazonOnly,
    INCIDENT_SOURCES.ec2,
    INCIDENT_SOURCES.outsideAws,
  ].flatMap((source, i) =>
    [0, 1].map((retry) => attempt(WEB_2, source, 443, at(100 + i + retry * 10))),
  );

/** REJECTs that are not blocked connection attempts. */
const notAttempts = (at: (step: number) => number): Flow[] => {
  const [late1, late2] = INCIDENT_SOURCES.latePackets;
  const [reply1, reply2] = INCIDENT_SOURCES.replyLegs;
  return [
    { ...attempt(WEB_2, late1, 443, at(120)), flags: 1 },
    { ...attempt(WEB_2, late2, 443, at(121)), flags: 4 },
    { ...attempt(DB, reply1, 45000, at(122)), srcport: 5432 },
    { ...attempt(WEB_2, reply2, 41000, at(123)), srcport: 443, flags: 18 },
    {
      ...attempt(WEB_2, WEB_2.address, 443, at(124)),
      dst: INCIDENT_SOURCES.egressOnly,
      srcport: 42000,
      direction: "egress",
    },
  ];
};

const fileName = (logId: string, day: number): string => {
  const stamp = new Date(day * 1000).toISOString().slice(0, 16).replace(/[-:]/g, "");
  const hash = (day % 0xffffffff).toString(16).slice(-8);
  return `${ACCOUNT}_vpcflowlogs_${REGION}_${logId}_${stamp}Z_${hash}.log.gz`;
};

const writeFile = (out: string, log: "v2" | "v5", start: number, lines: string[]): void => {
  const date = new Date(start * 1000).toISOString().slice(0, 10).split("-");
  const folder = join(out, "AWSLogs", ACCOUNT, "vpcflowlogs", REGION, ...date);
  mkdirSync(folder, { recursive: true });
  const logId = log === "v2" ? "fl-0a11ce0000000v002" : "fl-0a11ce0000000v005";
  const header = log === "v2" ? V2_FIELDS : V5_FIELDS;
  writeFileSync(
    join(folder, fileName(logId, start)),
    gzipSync(`${[header, ...lines].join("\n")}\n`),
  );
};

/** Writes each log's flows (sorted by start) into one file, plus NODATA and SKIPDATA. */
const writeFlows = (out: string, flows: readonly Flow[], first: number): number => {
  for (const log of ["v2", "v5"] as const) {
    const lines = flows
      .filter((flow) => flow.nic.log === log)
      .sort((a, b) => a.start - b.start)
      .map(record);
    lines.push(empty(log === "v2" ? DB : API, "NODATA", first));
    if (log === "v5") lines.push(empty(WEB_2, "SKIPDATA", first));
    writeFile(out, log, first, lines);
  }
  return 2;
};

/**
 * Writes the incident's flow-log files under `out` and returns how many it wrote. The
 * REJECTs fall in the five hours before {@link INCIDENT_NOW}; the last record, an accepted
 * connection, ends exactly at it, so a window that ends at the newest record ends there.
 */
export const generateIncidentFlowLogs = (out: string): number => {
  const first = INCIDENT_NOW - 5 * HOUR;
  const at = (step: number): number => first + step * 120;
  const flows = [
    ...refused(at),
    ...publicSources(at),
    ...notAttempts(at),
    attempt(WEB_1, "10.0.10.2", 443, INCIDENT_NOW - 50, "ACCEPT"),
  ];

  const before = INCIDENT_NOW - 40 * HOUR;
  writeFile(out, "v2", before, [
    record(attempt(WEB_1, INCIDENT_SOURCES.beforeWindow, 443, before)),
  ]);
  return writeFlows(out, flows, first) + 1;
};

/**
 * Writes the hour after the incident under `out`: the first ten recovery-site hosts
 * connecting (accepted) once extend has let them in. Analysing it with the demo's logs
 * gives evidence for some of extend's sources but not all of them.
 */
export const generateRecoveryFlowLogs = (out: string): number => {
  const first = INCIDENT_NOW + HOUR;
  const flows = INCIDENT_SOURCES.reconnected.map((source, i) =>
    attempt(drInterface(i), source, 443, first + i * 60, "ACCEPT"),
  );
  return writeFlows(out, flows, first);
};
