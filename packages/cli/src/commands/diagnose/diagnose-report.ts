import {
  formatIpv4,
  formatProtocol,
  TCP,
  UDP,
  type BlockedSource,
  type Diagnosis,
  type NaclReading,
  type RejectedAttempt,
  type TimeWindow,
} from "@sg/core";
import type { RejectReading } from "../../evidence/read-rejects.js";
import { formatCount, formatTime } from "../../report/numbers.js";
import { renderTable } from "../../report/table.js";

/** `tcp/443`, `udp/53`, or the protocol alone when it has no ports (`icmp`, `47`). */
export const formatAttemptTraffic = ({ protocol, port }: RejectedAttempt): string =>
  protocol === TCP || protocol === UDP
    ? `${formatProtocol(protocol)}/${port}`
    : formatProtocol(protocol);

/** The NACL column: what the subnet's ACL decides, and which entry decided it. */
export const formatNaclReading = (nacl: NaclReading): string => {
  if (nacl.verdict === "unknown") return "unknown";
  const entry = nacl.ruleNumber === undefined ? "default" : `#${nacl.ruleNumber}`;
  return `${nacl.verdict === "denies" ? "DENIES" : "allows"} (${nacl.networkAclId} ${entry})`;
};

/** One finding as JSON: addresses as text, times as ISO 8601. */
export const findingJson = ({ attempt, groupIds, subnetId, nacl }: BlockedSource) => ({
  source: formatIpv4(attempt.source),
  interfaceId: attempt.interfaceId,
  destination: formatIpv4(attempt.destination),
  groups: groupIds,
  protocol: formatProtocol(attempt.protocol),
  port: attempt.port,
  count: attempt.count,
  firstSeen: formatTime(attempt.firstSeen),
  lastSeen: formatTime(attempt.lastSeen),
  ...(subnetId === undefined ? {} : { subnetId }),
  nacl,
});

/**
 * The findings as a table for people: one row per source, interface, destination,
 * protocol and port, with the interface's groups, how often and when it was refused, and
 * what the subnet's network ACL says; then how the REJECTs were accounted for.
 */
export const diagnoseReport = (
  diagnosis: Diagnosis,
  reading: RejectReading,
  window: TimeWindow,
): string[] => {
  const span = `between ${formatTime(window.from)} and ${formatTime(window.to)}`;
  const { stats } = diagnosis;
  const accounting = [
    `Read ${formatCount(reading.records)} flow-log records: ${formatCount(stats.attempts)} ` +
      `blocked (source, interface, port) attempts; ${formatCount(stats.admitted)} a current rule ` +
      `admits (refused by a NACL or after the connection closed), ` +
      `${formatCount(stats.publicSource)} from public sources, ` +
      `${formatCount(stats.unknownInterface + stats.notInterfaceAddress)} on interfaces or ` +
      "addresses the estate does not list.",
  ];
  if (diagnosis.blocked.length === 0) {
    return [`No blocked private sources ${span}.`, ...accounting];
  }

  const rows = diagnosis.blocked.map(({ attempt, groupIds, nacl }) => [
    formatIpv4(attempt.source),
    attempt.interfaceId,
    formatIpv4(attempt.destination),
    groupIds.join(","),
    formatAttemptTraffic(attempt),
    formatCount(attempt.count),
    formatTime(attempt.firstSeen),
    formatTime(attempt.lastSeen),
    formatNaclReading(nacl),
  ]);
  const headers = [
    "SOURCE",
    "INTERFACE",
    "DESTINATION",
    "GROUPS",
    "PORT",
    "COUNT",
    "FIRST SEEN",
    "LAST SEEN",
    "NACL",
  ];
  const denied = diagnosis.blocked.filter(({ nacl }) => nacl.verdict === "denies").length;
  const sources = new Set(diagnosis.blocked.map(({ attempt }) => attempt.source)).size;

  return [
    ...renderTable(headers, rows, new Set([5])),
    "",
    `${formatCount(sources)} private sources no current rule admits, refused ${span}.`,
    ...accounting,
    ...(denied === 0
      ? []
      : [
          `${formatCount(denied)} of them their subnet's network ACL denies: a security-group ` +
            "change would not help.",
        ]),
  ];
};
