import { DEFAULT_LAYOUT, type FlowLogField, type FlowLogLayout, type TimeWindow } from "@sg/core";

/**
 * How far before the window a query reaches: an event's time is its record's `start`,
 * which can precede the window while its `end` (what the window is tested against) falls
 * inside. As for the FilterLogEvents reader, an hour covers any aggregation interval and lag.
 */
export const INSIGHTS_LEAD_SECONDS = 3600;

/** The event times one query covers, in Unix seconds, both ends included. */
export interface InsightsSlice {
  readonly from: number;
  readonly to: number;
}

/** The whole span of event times the window needs: from an hour before it to its end. */
export const insightsSpan = (window: TimeWindow): InsightsSlice => ({
  from: window.from - INSIGHTS_LEAD_SECONDS,
  to: window.to,
});

/** The fields Logs Insights discovers in the default format, by flow-log field. */
const DISCOVERED: Partial<Record<FlowLogField, string>> = {
  "interface-id": "interfaceId",
  srcaddr: "srcAddr",
  dstaddr: "dstAddr",
  srcport: "srcPort",
  dstport: "dstPort",
  protocol: "protocol",
  start: "startTime",
  end: "endTime",
  action: "action",
  "log-status": "logStatus",
};

const REQUIRED: readonly FlowLogField[] = [
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "start",
  "end",
  "action",
];

const isDefault = (layout: FlowLogLayout): boolean =>
  layout.fields.join(" ") === DEFAULT_LAYOUT.fields.join(" ");

/** The name a parsed field takes: prefixed so that it never meets a discovered field. */
const parsedName = (field: string): string => `f_${field.replaceAll("-", "_")}`;

const PRIVATE_BLOCKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

const isPrivate = (field: string): string =>
  `(${PRIVATE_BLOCKS.map((block) => `isIpv4InSubnet(${field}, "${block}")`).join(" or ")})`;

const aliased = (name: string, alias: string): string =>
  name === alias ? name : `${name} as ${alias}`;

/** Why a layout cannot be queried, or `undefined`: the fields the evidence needs. */
export const insightsLayoutProblem = (layout: FlowLogLayout): string | undefined => {
  const missing = REQUIRED.filter((field) => !layout.fields.includes(field));
  return missing.length === 0
    ? undefined
    : `the flow-log format lacks ${missing.join(", ")}, which evidence needs`;
};

/**
 * The Logs Insights query that aggregates one slice of a flow-log group into evidence for
 * `window` (Unix seconds, both ends included). It keeps exactly the records `analyse
 * --flow-logs` keeps: ACCEPT, log-status OK (or not recorded), not egress, overlapping the
 * window, opened by the source (SYN without ACK when the flags hold SYN, otherwise the
 * source's port not the lower one; protocols without ports always; TCP and UDP need both
 * ports), a private IPv4 source (pkt-srcaddr when not `-`, else srcaddr) and an IPv4
 * destination; then `stats` counts them with the first start and last end per tuple.
 *
 * The default format is read through the fields Insights discovers (`srcAddr`, `startTime`,
 * …); any other layout through `parse @message "* * …"` with one `f_`-prefixed name per
 * field. Records are also held to `slice` by their `start` (the event time), so slices that
 * share a boundary second never count a record twice.
 */
export const insightsQuery = (
  window: TimeWindow,
  layout: FlowLogLayout = DEFAULT_LAYOUT,
  slice: InsightsSlice = insightsSpan(window),
): string => {
  const discovered = isDefault(layout);
  const has = (field: FlowLogField): boolean => layout.fields.includes(field);
  const name = (field: FlowLogField): string =>
    discovered ? (DISCOVERED[field] ?? parsedName(field)) : parsedName(field);
  const [start, end, protocol] = [name("start"), name("end"), name("protocol")];
  const [srcport, dstport, flags] = [name("srcport"), name("dstport"), name("tcp-flags")];
  const [srcaddr, pkt] = [name("srcaddr"), name("pkt-srcaddr")];

  const accepted = [
    `${name("action")} = "ACCEPT"`,
    ...(has("log-status") ? [`${name("log-status")} in ["OK", "-"]`] : []),
    ...(has("flow-direction") ? [`${name("flow-direction")} != "egress"`] : []),
  ];
  const privateSource = has("pkt-srcaddr")
    ? `(${pkt} = "-" and ${isPrivate(srcaddr)}) or (${pkt} != "-" and ${isPrivate(pkt)})`
    : isPrivate(srcaddr);
  const byPorts = `${srcport} - ${dstport} >= 0`;
  const opened = has("tcp-flags")
    ? `(${protocol} = 6 and ${flags} != "-" and ${flags} % 4 >= 2 and ${flags} % 32 < 16) or ` +
      `(not (${protocol} = 6 and ${flags} != "-" and ${flags} % 4 >= 2) and ${byPorts})`
    : byPorts;
  const sources = has("pkt-srcaddr")
    ? [aliased(srcaddr, "srcAddr"), aliased(pkt, "pktSrcAddr")]
    : [aliased(srcaddr, "source")];

  return [
    ...(discovered ? [] : [parseCommand(layout)]),
    `filter ${accepted.join(" and ")}`,
    `filter ${start} >= ${slice.from} and ${start} <= ${slice.to}`,
    `filter ${end} >= ${window.from} and ${start} <= ${window.to}`,
    `filter ${name("interface-id")} != "-" and isValidIpV4(${name("dstaddr")})`,
    `filter ${privateSource}`,
    `filter ${protocol} != "-" and ((${protocol} != 6 and ${protocol} != 17) or ` +
      `(${srcport} != "-" and ${dstport} != "-" and (${opened})))`,
    `stats count(*) as records, min(${start}) as firstSeen, max(${end}) as lastSeen by ` +
      [
        aliased(name("interface-id"), "interfaceId"),
        aliased(name("dstaddr"), "dstAddr"),
        aliased(protocol, "protocol"),
        aliased(dstport, "dstPort"),
        ...sources,
      ].join(", "),
  ].join("\n| ");
};

const parseCommand = (layout: FlowLogLayout): string =>
  `parse @message "${layout.fields.map(() => "*").join(" ")}" as ` +
  layout.fields.map(parsedName).join(", ");
