import {
  blockContains,
  formatIpv4,
  formatSource,
  formatTraffic,
  type Extension,
  type GroupExtension,
  type Rule,
  type TimeWindow,
} from "@sg/core";
import { formatCount, formatTime } from "../../report/numbers.js";
import { renderTable } from "../../report/table.js";
import { formatAttemptTraffic } from "../diagnose/diagnose-report.js";

const SHOWN_UNADMITTED = 20;

const sourcesOf = (extension: Extension, rule: Rule): number =>
  new Set(
    extension.extended
      .filter(
        (e) =>
          e.groupId === rule.groupId &&
          rule.source.kind === "cidr" &&
          rule.source.cidr.family === "ipv4" &&
          blockContains(rule.source.cidr, e.blocked.attempt.source),
      )
      .map((e) => e.blocked.attempt.source),
  ).size;

const escalations = (group: GroupExtension): string[] =>
  group.trace.flatMap((step) =>
    step.kind === "escalation"
      ? [`${group.groupId}: tolerance raised to ${step.tolerance}% (${step.blocks} blocks)`]
      : [],
  );

/**
 * The extension as people read it at 2am: every new rule with its group, traffic, block
 * and how many refused sources it admits; each group's quota use; every source left out
 * and why; every trade-off the collapse made and every warning.
 */
export const extendReport = (extension: Extension, window: TimeWindow): string[] => {
  const span = `between ${formatTime(window.from)} and ${formatTime(window.to)}`;
  const rows = extension.groups.flatMap((group) =>
    group.authorise.map((rule) => [
      group.groupId,
      formatTraffic(rule),
      formatSource(rule.source),
      formatCount(sourcesOf(extension, rule)),
      rule.description ?? "",
    ]),
  );
  const lines =
    rows.length === 0
      ? [`Nothing to authorise: no blocked source ${span} can be admitted.`]
      : [
          ...renderTable(
            ["GROUP", "PORT", "NEW RULE", "SOURCES", "DESCRIPTION"],
            rows,
            new Set([3]),
          ),
          "",
          ...extension.groups.map(
            (g) =>
              `${g.groupId}: ${g.inUse} of ${g.quota} rules in use, ${g.authorise.length} ` +
              `added (${g.available} were free).`,
          ),
        ];

  const { unadmitted } = extension;
  const left = unadmitted.slice(0, SHOWN_UNADMITTED).map(({ blocked, detail }) => {
    const { attempt } = blocked;
    const to = `${attempt.interfaceId} ${formatAttemptTraffic(attempt)}`;
    return `  ${formatIpv4(attempt.source)} → ${to}: ${detail}`;
  });
  const more = unadmitted.length - left.length;

  return [
    ...lines,
    ...(unadmitted.length === 0
      ? []
      : [
          "",
          `Not admitted (${formatCount(unadmitted.length)}):`,
          ...left,
          ...(more > 0 ? [`  … and ${formatCount(more)} more`] : []),
        ]),
    ...extension.groups.flatMap(escalations),
    ...extension.groups.flatMap((group) => group.warnings.map((w) => `Warning: ${w}`)),
  ];
};

/** The refusal past `--max-groups`: what extend would have touched, group by group. */
export const refusalOf = (extension: Extension): string[] => [
  `Refusing to extend: it would change ${extension.groups.length} groups, more than ` +
    `--max-groups ${extension.maxGroups}. Nothing was written. It would have touched:`,
  ...extension.groups.map((group) => {
    const name = group.groupName === undefined ? "" : ` (${group.groupName})`;
    const blocks = group.authorise.map(
      (rule) => `${formatTraffic(rule)} from ${formatSource(rule.source)}`,
    );
    return `  ${group.groupId}${name}: ${blocks.join("; ")}`;
  }),
  "Scope it with --groups, narrow it with --ports, or raise --max-groups.",
];
