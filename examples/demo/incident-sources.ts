/**
 * Who the incident of incident-flow-logs.ts involves: the demo estate's interfaces, every
 * source its flow logs carry with what a reader should make of it, and the exact findings
 * diagnose should report once the demo estate has been tightened.
 */

/** When the incident is diagnosed: the end of the 24-hour window. */
export const INCIDENT_NOW = Date.parse("2026-06-03T02:00:00Z") / 1000;

/** A demo interface as the incident's logs record it. */
export interface Interface {
  readonly id: string;
  readonly address: string;
  readonly subnet: string;
  readonly log: "v2" | "v5";
}

/** The web tier's first interface (version 2 log). */
export const WEB_1: Interface = {
  id: "eni-0a11ce00000000001",
  address: "10.20.0.10",
  subnet: "subnet-0a11ce000000000a1",
  log: "v2",
};
/** The web tier's second interface (version 5 log, with tcp-flags). */
export const WEB_2: Interface = {
  ...WEB_1,
  id: "eni-0a11ce00000000002",
  address: "10.20.0.11",
  log: "v5",
};
/** The orders database's interface (version 2 log). */
export const DB: Interface = {
  id: "eni-0a11ce00000000003",
  address: "10.20.1.10",
  subnet: "subnet-0a11ce000000000b1",
  log: "v2",
};
/** The partner API's interface (version 5 log), on the subnet with its own NACL. */
export const API: Interface = {
  id: "eni-0a11ce00000000004",
  address: "10.20.2.10",
  subnet: "subnet-0a11ce000000000c1",
  log: "v5",
};

/** The 30 hosts of the recovery site, 10.0.40.1-30. */
const DR_HOSTS = Array.from({ length: 30 }, (_, i) => `10.0.40.${i + 1}`);

/** Who the incident's records are from, by what a reader should make of them. */
export const INCIDENT_SOURCES = {
  /** Refused on tcp/443 of the web tier: uncovered once 10.0.0.0/16 was tightened. */
  recoverySite: DR_HOSTS,
  /** Refused on tcp/5432 of the orders database: uncovered once 10.4.0.0/16 was tightened. */
  reportingHosts: ["10.4.9.5", "10.4.9.6"],
  /** Refused on tcp/8443 of the partner API: no rule ever admitted it. */
  partner: "172.20.5.9",
  /** Refused on tcp/9090 of the partner API, where the subnet's NACL denies 192.168/16. */
  naclDenied: "192.168.7.7",
  /** Refused although a rule admits them (10.0.10.0/27, 172.16.0.0/12): not findings. */
  admitted: ["10.0.10.1", "172.16.3.3"],
  /** Route 53 health checkers, inside ROUTE53_HEALTHCHECKS 54.243.31.192/26. */
  healthCheckers: ["54.243.31.200", "54.243.31.201", "54.243.31.210"],
  /** Listed only under AMAZON in the incident's ip-ranges.json. */
  amazonOnly: ["54.243.5.5", "52.94.1.1"],
  /** In EC2 space (3.80.0.0/12): any AWS customer's instance. */
  ec2: "3.85.10.10",
  /** Outside AWS altogether. */
  outsideAws: "198.51.100.7",
  /** Seen only in reply legs: the server side of connections the interfaces opened. */
  replyLegs: ["10.9.9.9", "10.9.9.10"],
  /** Seen only in packets after FIN or RST. */
  latePackets: ["10.0.60.6", "10.0.60.7"],
  /** Seen only in an egress record. */
  egressOnly: "10.0.70.7",
  /** Refused 40 hours before the incident, outside a 24-hour window. */
  beforeWindow: "10.0.80.8",
  /** The recovery-site hosts that connect again once extend has let them in. */
  reconnected: DR_HOSTS.slice(0, 10),
} as const;

/** One expected diagnose finding on the tightened demo estate. */
export interface IncidentFinding {
  readonly source: string;
  readonly interfaceId: string;
  readonly destination: string;
  readonly port: number;
}

/** The web interface a recovery-site host connects to: they alternate. */
export const drInterface = (index: number): Interface => (index % 2 === 0 ? WEB_1 : WEB_2);

/** The findings diagnose should report on the tightened demo estate, and no others. */
export const INCIDENT_FINDINGS: readonly IncidentFinding[] = [
  ...DR_HOSTS.map((source, i) => ({
    source,
    interfaceId: drInterface(i).id,
    destination: drInterface(i).address,
    port: 443,
  })),
  ...INCIDENT_SOURCES.reportingHosts.map((source) => ({
    source,
    interfaceId: DB.id,
    destination: DB.address,
    port: 5432,
  })),
  { source: INCIDENT_SOURCES.partner, interfaceId: API.id, destination: API.address, port: 8443 },
  {
    source: INCIDENT_SOURCES.naclDenied,
    interfaceId: API.id,
    destination: API.address,
    port: 9090,
  },
];
