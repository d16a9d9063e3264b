import { LocalFileError } from "@sg/aws-adapter";
import { diagnoseRejects, type RejectWindow } from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { booleanFlag, integerFlag, stringFlag, timeFlag } from "../../cli/flag-values.js";
import { readArtefact, writeArtefact } from "../../artefacts/artefact-file.js";
import { EVIDENCE_BASE, evidenceBaseCodec } from "../../artefacts/evidence-base.js";
import { mergeFindings } from "../../evidence/merge-findings.js";
import { readRejects } from "../../evidence/read-rejects.js";
import { formatCount, formatTime } from "../../report/numbers.js";
import { diagnoseReport, findingJson } from "./diagnose-report.js";
import { diagnoseSources } from "./diagnose-sources.js";

const HOUR = 3_600;

/** What to do about the findings, depending on whether they were just merged. */
const nextSteps = (merged: boolean): string[] => [
  "",
  merged
    ? "Next: revert the apply that tightened (the broad rules come back), then plan and " +
      "apply again; the new plan keeps these sources admitted."
    : "To admit them for good: diagnose --approved approved.json --merge, revert the apply " +
      "that tightened, then plan and apply again.",
  "To restore connectivity now: sg-tightener extend with the same --flow-logs and --estate.",
];

/** `sg-tightener diagnose`: what the REJECTs say tightening (or a missing rule) blocked. */
export const diagnoseCommand: Command = {
  name: "diagnose",
  summary: "list the private sources being REJECTed that no current rule admits",
  synopsis: [
    "sg-tightener diagnose --flow-logs PATH... --estate DIR [--hours 24] [--now ISO] " +
      "[--approved approved.json --merge] [--json]",
  ],
  flags: {
    "flow-logs": {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "Flow-log files or folders as delivered to S3 (gzip or text); repeatable.",
    },
    estate: {
      type: "string",
      value: "DIR",
      description: "An estate exported with the AWS CLI; network-acls.json adds NACL labels.",
    },
    hours: { type: "string", value: "N", description: "Hours of REJECTs to read (default 24)." },
    now: {
      type: "string",
      value: "ISO",
      description: "The end of the window (default: the newest record read).",
    },
    approved: { type: "string", value: "FILE", description: "The evidence base, for --merge." },
    merge: {
      type: "boolean",
      description: "Fold the findings into --approved (provenance diagnose).",
    },
    json: { type: "boolean", description: "Print the findings as JSON on stdout." },
  },
  details: [
    "A finding is a connection attempt (the opening leg, logged inbound: not a reply, not a " +
      "packet after FIN or RST, not NODATA/SKIPDATA) that was REJECTed, from an RFC 1918 " +
      "source that no current inbound rule of the destination interface's groups admits on " +
      "that protocol and port. The NACL column says whether the subnet's network ACL would " +
      "deny it anyway (then no group change helps); it is unknown without network-acls.json.",
    "The loop: diagnose --approved approved.json --merge, then revert the apply that " +
      "tightened (the broad rules come back), then plan and apply again: the new plan keeps " +
      "the merged sources admitted. To restore connectivity at once instead, use extend.",
  ],
  run: async (flags, _positionals, io) => diagnose(flags, io),
};

const diagnose = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const hours = integerFlag(flags, "hours", 24, { min: 1, max: 24 * 3650 });
  const now = timeFlag(flags, "now");
  const approvedPath = stringFlag(flags, "approved");
  const merge = booleanFlag(flags, "merge");
  if (merge && approvedPath === undefined) {
    throw usageError("sg-tightener diagnose: --merge needs --approved approved.json");
  }

  const span: RejectWindow =
    now === undefined
      ? { kind: "trailing", seconds: hours * HOUR }
      : { kind: "fixed", window: { from: now - hours * HOUR, to: now } };
  const sources = await diagnoseSources(flags, span.kind === "fixed" ? span.window : undefined);
  const reading = await readRejects(sources.flowLogs, span, (records) =>
    io.status(`diagnose: ${formatCount(records)} records read`),
  ).catch((error: unknown) => {
    if (error instanceof LocalFileError) throw inputError(error.message);
    throw error;
  });
  if (reading.window === undefined) {
    throw inputError(
      `sg-tightener diagnose: no flow-log records in ${sources.flowLogs.describe()}`,
    );
  }

  const inventory = await sources.estate.read();
  const nacls = await sources.nacls();
  const diagnosis = diagnoseRejects(inventory, reading.attempts, nacls ? { nacls } : {});

  let merged: { approved: string; added: number; already: boolean } | undefined;
  if (merge && approvedPath !== undefined) {
    const base = await readArtefact(approvedPath, EVIDENCE_BASE, evidenceBaseCodec);
    const next = mergeFindings(base, diagnosis.blocked, {
      location: sources.flowLogs.describe(),
      window: reading.window,
      records: reading.records,
    });
    if (next !== base) await writeArtefact(approvedPath, evidenceBaseCodec.encode(next));
    const added = next.entries.length - base.entries.length;
    merged = { approved: approvedPath, added, already: next === base };
  }

  if (booleanFlag(flags, "json")) {
    const json = {
      window: { from: formatTime(reading.window.from), to: formatTime(reading.window.to) },
      records: reading.records,
      malformed: reading.malformed,
      skipped: Object.fromEntries(reading.skips),
      stats: diagnosis.stats,
      findings: diagnosis.blocked.map(findingJson),
      ...(merged === undefined ? {} : { merged }),
    };
    io.out(JSON.stringify(json, null, 2));
    return ExitCode.ok;
  }

  for (const line of diagnoseReport(diagnosis, reading, reading.window)) io.out(line);
  if (merged !== undefined) {
    io.out(
      merged.already
        ? `${merged.approved} already holds the findings of this window; nothing merged.`
        : `Merged the findings into ${merged.approved} ` +
            `(${formatCount(merged.added)} new entries, provenance diagnose).`,
    );
  }
  if (diagnosis.blocked.length > 0) {
    for (const line of nextSteps(merged !== undefined)) io.out(line);
  }
  return ExitCode.ok;
};
