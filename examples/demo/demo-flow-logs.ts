/**
 * The demo estate's flow logs: 90 days of VPC flow-log files exactly as AWS delivers them
 * to S3 (gzip, a header line, the AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/
 * layout), from two flow logs: one in the default version 2 format and one in a custom
 * version 5 format with tcp-flags, pkt-srcaddr and flow-direction. The traffic is built so
 * that planning reproduces the overview's worked example (196,608 → 74 trusted
 * addresses), with the noise a real log carries: reply legs, rejects, public sources,
 * egress records, NODATA and SKIPDATA lines, and a day outside the window.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
/** The end of the demo's 90-day evidence window. */
export const DEMO_NOW = Date.parse("2026-05-28T12:00:00Z") / 1000;
const DAY = 86_400;

const V2_FIELDS =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status";
const V5_FIELDS =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr " +
  "pkt-dstaddr flow-direction traffic-path";

interface Interface {
  readonly id: string;
  readonly address: string;
  readonly log: "v2" | "v5";
}

const WEB_1: Interface = { id: "eni-0a11ce00000000001", address: "10.20.0.10", log: "v2" };
const WEB_2: Interface = { id: "eni-0a11ce00000000002", address: "10.20.0.11", log: "v5" };
const DB: Interface = { id: "eni-0a11ce00000000003", address: "10.20.1.10", log: "v2" };
const API: Interface = { id: "eni-0a11ce00000000004", address: "10.20.2.10", log: "v5" };

/** `count` addresses from `base` (the last octet counting up), skipping every `gap`-th. */
const run = (prefix: string, first: number, count: number, gap: number): string[] => {
  const picked: string[] = [];
  for (let offset = 0; picked.length < count; offset += 1) {
    if ((offset + 1) % gap !== 0) picked.push(`${prefix}.${first + offset}`);
  }
  return picked;
};

/** Who really connects: the evidence the plan should earn its rules from. */
const CLIENTS: readonly {
  readonly to: Interface[];
  readonly port: number;
  readonly sources: string[];
}[] = [
  {
    to: [WEB_1, WEB_2],
    port: 443,
    sources: [...run("10.0.10", 0, 26, 5), "10.0.20.10", "10.0.20.11"],
  },
  { to: [DB], port: 5432, sources: run("10.4.8", 0, 6, 4) },
  { to: [API], port: 8443, sources: [...run("10.8.2", 0, 12, 4), ...run("10.8.16", 0, 13, 5)] },
];

/** A small deterministic generator (mulberry32). */
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
};

interface Flow {
  readonly nic: Interface;
  readonly src: string;
  readonly dst: string;
  readonly srcport: number;
  readonly dstport: number;
  readonly protocol: number;
  readonly start: number;
  readonly action: "ACCEPT" | "REJECT";
  readonly flags: number;
  readonly direction: "ingress" | "egress";
}

const record = (flow: Flow, next: () => number): string => {
  const packets = 2 + Math.floor(next() * 40);
  const bytes = packets * (60 + Math.floor(next() * 1400));
  const end = flow.start + 30 + Math.floor(next() * 29);
  const common = [
    flow.nic.log === "v2" ? 2 : 5,
    ACCOUNT,
    flow.nic.id,
    flow.src,
    flow.dst,
    flow.srcport,
    flow.dstport,
    flow.protocol,
    packets,
    bytes,
    flow.start,
    end,
    flow.action,
    "OK",
  ];
  if (flow.nic.log === "v2") return common.join(" ");
  const path = flow.direction === "egress" ? 1 : "-";
  return [
    ...common,
    "vpc-0a1b2c3d4e5f60718",
    "subnet-0a11ce000000000a1",
    "i-0a11ce0000000f00d",
    flow.flags,
    "IPv4",
    flow.src,
    flow.dst,
    flow.direction,
    path,
  ].join(" ");
};

/** A connection as the server's interface logs it: the request, then the reply leg. */
const connection = (
  nic: Interface,
  source: string,
  port: number,
  start: number,
  next: () => number,
): Flow[] => {
  const ephemeral = 32768 + Math.floor(next() * 28000);
  const base = { nic, protocol: 6, start, action: "ACCEPT" as const };
  return [
    {
      ...base,
      src: source,
      dst: nic.address,
      srcport: ephemeral,
      dstport: port,
      flags: 3,
      direction: "ingress",
    },
    {
      ...base,
      src: nic.address,
      dst: source,
      srcport: port,
      dstport: ephemeral,
      flags: 19,
      direction: "egress",
    },
  ];
};

/** The noise of a real log, for one interface on one day. */
const noise = (nic: Interface, day: number, next: () => number): Flow[] => {
  const at = day + 3600 * (1 + Math.floor(next() * 20));
  const base = { nic, protocol: 6, start: at, flags: 2, direction: "ingress" as const };
  return [
    {
      ...base,
      src: `10.0.30.${1 + Math.floor(next() * 50)}`,
      dst: nic.address,
      srcport: 40000,
      dstport: 443,
      action: "REJECT",
    },
    {
      ...base,
      src: `203.0.113.${1 + Math.floor(next() * 200)}`,
      dst: nic.address,
      srcport: 51000,
      dstport: 80,
      action: "ACCEPT",
    },
    {
      ...base,
      src: nic.address,
      dst: "10.4.8.1",
      srcport: 45000,
      dstport: 5432,
      action: "ACCEPT",
      direction: "egress",
    },
  ];
};

const fileName = (logId: string, day: number, hash: string): string => {
  const stamp = new Date(day * 1000).toISOString().slice(0, 16).replace(/[-:]/g, "");
  return `${ACCOUNT}_vpcflowlogs_${REGION}_${logId}_${stamp}Z_${hash}.log.gz`;
};

const writeDay = (out: string, log: "v2" | "v5", day: number, lines: string[]): void => {
  const date = new Date(day * 1000).toISOString().slice(0, 10).split("-");
  const folder = join(out, "AWSLogs", ACCOUNT, "vpcflowlogs", REGION, ...date);
  mkdirSync(folder, { recursive: true });

  const header = log === "v2" ? V2_FIELDS : V5_FIELDS;
  const logId = log === "v2" ? "fl-0a11ce0000000v002" : "fl-0a11ce0000000v005";
  const hash = (day % 0xffffffff).toString(16).slice(-8);
  writeFileSync(
    join(folder, fileName(logId, day, hash)),
    gzipSync(`${[header, ...lines].join("\n")}\n`),
  );
};

/**
 * Writes the demo's flow-log files under `out` and returns how many it wrote. The same
 * files every run, so tests and the README's demo see the same evidence.
 */
export const generateDemoFlowLogs = (out: string): number => {
  const next = random(20260528);
  const days = Array.from({ length: 15 }, (_, i) => DEMO_NOW - DAY * (88 - i * 6) - 12 * 3600);
  days.push(DEMO_NOW - 100 * DAY);
  let files = 0;

  for (const [index, day] of days.entries()) {
    const outside = index === days.length - 1;
    const flows: Flow[] = [];
    for (const { to, port, sources } of CLIENTS) {
      sources.forEach((source, i) => {
        if ((i + index) % 3 !== 0 && !(index === 0 && i % 3 !== 0)) return;
        const nic = to[i % to.length]!;
        const at = day + 600 * Math.floor(next() * 100);
        flows.push(
          ...connection(nic, outside ? source.replace(/\.\d+$/, ".250") : source, port, at, next),
        );
      });
    }
    for (const nic of [WEB_1, WEB_2, DB, API]) flows.push(...noise(nic, day, next));

    for (const log of ["v2", "v5"] as const) {
      const lines = flows.filter((flow) => flow.nic.log === log).map((flow) => record(flow, next));
      const idle = log === "v2" ? DB : API;
      const blanks = log === "v2" ? [] : Array.from({ length: 9 }, () => "-");
      const empty = (status: string, nic: Interface): string =>
        [
          log === "v2" ? 2 : 5,
          ACCOUNT,
          nic.id,
          ..."-------".split(""),
          day,
          day + 60,
          "-",
          status,
          ...blanks,
        ].join(" ");
      lines.push(empty("NODATA", idle));
      if (log === "v5") lines.push(empty("SKIPDATA", WEB_2));
      writeDay(out, log, day, lines);
      files += 1;
    }
  }
  return files;
};
