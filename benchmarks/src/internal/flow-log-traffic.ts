import { randomSource, type Server, type SyntheticEstate } from "./synthetic-estate.js";

/** The two formats the benchmark writes: AWS's default, and every version 5 field. */
export type LogFormat = "v2" | "v5";

/** The header line of each format, as S3 delivery writes it at the top of every file. */
export const HEADERS: Readonly<Record<LogFormat, string>> = {
  v2:
    "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
    "start end action log-status",
  v5:
    "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
    "start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr " +
    "pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service " +
    "pkt-dst-aws-service flow-direction traffic-path",
};

/** The account the generated logs belong to. */
export const ACCOUNT = "123456789012";

/** The region the generated logs belong to. */
export const REGION = "eu-west-1";

/** One flow as the logged interface saw it, before it is written in a format. */
interface Flow {
  readonly server: Server;
  readonly src: string;
  readonly dst: string;
  readonly srcport: number;
  readonly dstport: number;
  readonly protocol: number;
  readonly action: "ACCEPT" | "REJECT";
  readonly flags: number;
  readonly direction: "ingress" | "egress";
}

const V5_TAIL = "vpc-0a1b2c3d4e5f60718 subnet-0a11ce000000000a1 i-0a11ce0000000f00d";

const render = (format: LogFormat, flow: Flow, start: number, next: (n: number) => number) => {
  const packets = 1 + next(60);
  const bytes = packets * (40 + next(1460));
  const end = start + 1 + next(59);
  const common =
    `${format === "v2" ? 2 : 5} ${ACCOUNT} ${flow.server.interfaceId} ${flow.src} ${flow.dst} ` +
    `${flow.srcport} ${flow.dstport} ${flow.protocol} ${packets} ${bytes} ${start} ${end} ` +
    `${flow.action} OK`;
  if (format === "v2") return common;

  const path = flow.direction === "egress" ? "1" : "-";
  return (
    `${common} ${V5_TAIL} ${flow.flags} IPv4 ${flow.src} ${flow.dst} ${REGION} euw1-az2 - - ` +
    `- - ${flow.direction} ${path}`
  );
};

const ephemeral = (next: (n: number) => number): number => 32_768 + next(28_232);

type Leg = "request" | "reply" | "call" | "scan" | "public";

const TCP_FLAGS: Readonly<Record<Leg, readonly number[]>> = {
  request: [2, 3, 7],
  reply: [18, 19, 23],
  call: [3],
  scan: [2],
  public: [2],
};

/** Builds one flow without object spreads, which cost microseconds each under tsx. */
const flow = (
  server: Server,
  leg: Leg,
  ends: readonly [string, string, number, number],
  next: (n: number) => number,
): Flow => {
  const flags = TCP_FLAGS[leg];
  return {
    server,
    src: ends[0],
    dst: ends[1],
    srcport: ends[2],
    dstport: ends[3],
    protocol: 6,
    action: leg === "scan" ? "REJECT" : "ACCEPT",
    flags: flags[next(flags.length)]!,
    direction: leg === "reply" || leg === "call" ? "egress" : "ingress",
  };
};

/** A flow of the mix a busy estate logs: requests, replies, calls out, rejects, scans. */
const flowOf = (estate: SyntheticEstate, next: (n: number) => number): Flow => {
  const server = estate.servers[next(estate.servers.length)]!;
  const client =
    estate.clients[(server.firstClient + next(estate.clientsPerServer)) % estate.clients.length]!;
  const port = server.ports[next(server.ports.length)]!;
  const kind = next(100);
  const here = server.address;

  if (kind < 45) return flow(server, "request", [client, here, ephemeral(next), port], next);
  if (kind < 82) return flow(server, "reply", [here, client, port, ephemeral(next)], next);
  if (kind < 90) return flow(server, "call", [here, client, ephemeral(next), 443], next);
  if (kind < 97) return flow(server, "scan", [client, here, ephemeral(next), next(1024)], next);

  const outsider = `203.0.113.${1 + next(254)}`;
  return flow(server, "public", [outsider, here, ephemeral(next), next(1024)], next);
};

const noData = (format: LogFormat, server: Server, start: number): string => {
  const blanks = format === "v2" ? "" : " - - - - - - - - - - - - - - -";
  return (
    `${format === "v2" ? 2 : 5} ${ACCOUNT} ${server.interfaceId} - - - - - - - ` +
    `${start} ${start + 60} - NODATA${blanks}`
  );
};

/**
 * Yields `count` records of one five-minute delivery interval starting at `from`, in
 * batches of text lines ready to compress. One record in forty is an idle interface's
 * NODATA line; the rest follow the mix of {@link flowOf}.
 */
export function* trafficLines(
  estate: SyntheticEstate,
  format: LogFormat,
  from: number,
  count: number,
  seed: number,
): Generator<string> {
  const next = randomSource(seed);
  const batch: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = from + next(300);
    batch.push(
      next(40) === 0
        ? noData(format, estate.servers[next(estate.servers.length)]!, start)
        : render(format, flowOf(estate, next), start, next),
    );
    if (batch.length === 10_000) {
      yield `${batch.join("\n")}\n`;
      batch.length = 0;
    }
  }
  if (batch.length > 0) yield `${batch.join("\n")}\n`;
}
