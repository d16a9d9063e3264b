import { LocalFileError } from "@sg/aws-adapter";
import { diagnoseRejects } from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { ExitCode } from "../../cli/exit-codes.js";
import { booleanFlag, integerFlag, stringFlag, timeFlag } from "../../cli/flag-values.js";
import { readArtefact } from "../../artefacts/artefact-file.js";
import { writeEvidenceBase } from "../../artefacts/write-evidence-base.js";
import { EVIDENCE_BASE, evidenceBaseCodec } from "../../artefacts/evidence-base.js";
import { mergeFindings } from "../../evidence/merge-findings.js";
import { readRejects } from "../../evidence/read-rejects.js";
import { formatCount, formatTime } from "../../report/numbers.js";
import { diagnoseReport, findingJson } from "./diagnose-report.js";
import { diagnoseSources } from "./diagnose-sources.js";
import { FLOW_LOG_SOURCE_FLAGS } from "../../evidence/flow-log-source-flags.js";

/** What to do about the findings, depending on whether they were just merged. */
const nextSteps = (merged: boolean): string[] => [
  "",
  merged
    ? "Next: revert the apply that tightened (the broad rules come back), then plan and " +
      "apply again; the new plan keeps these sources admitted."
    : "To admit them for good: diagnose --approved approved.json --merge, revert the apply " +
      "that tightened, then plan and apply again.",
  "To restore connectivity now: sg-tightener extend with the same flow-log and estate flags.",
];

/** `sg-tightener diagnose`: what the REJECTs say tightening (or a missing rule) blocked. */
export const diagnoseCommand: Command = {
  name: "diagnose",
  summary: "list the private sources being REJECTed that no current rule admits",
  synopsis: [
    "sg-tightener diagnose --flow-logs PATH... --estate DIR [--hours 24] [--now ISO] " +
      "[--approved approved.json --merge] [--json]",
    "sg-tightener diagnose --log-group NAME [--log-format FORMAT] [--region R] [--profile P] " +
      "[--hours 24] [--now ISO] [--approved approved.json --merge] [--json]",
    "sg-tightener diagnose --s3 s3://BUCKET/PREFIX [--accounts IDS] [--regions RS] " +
      "[--region R] [--profile P] [--hours 24] [--now ISO] [--approved approved.json --merge]",
  ],
  flags: {
    ...FLOW_LOG_SOURCE_FLAGS,
    estate: {
      type: "string",
      value: "DIR",
      description:
        "With --flow-logs: an estate exported with the AWS CLI (network-acls.json " +
        "adds NACL labels).",
    },
    region: {
      type: "string",
      value: "REGION",
      description: "The live account's Region (default: AWS_REGION, else the profile's).",
    },
    profile: {
      type: "string",
      value: "NAME",
      description: "The AWS profile whose credentials and Region to use (default chain if absent).",
    },
    hours: { type: "string", value: "N", description: "Hours of REJECTs to read (default 24)." },
    now: {
      type: "string",
      value: "ISO",
      description: "The end of the window (default: the newest record; live, the current time).",
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
    "Offline, --flow-logs goes with --estate DIR. Live, --log-group or --s3 names the flow " +
      "logs, read for the window only (ending now without --now), and the account's groups, " +
      "interfaces and network ACLs (DescribeNetworkAcls) are read with the default " +
      "credential chain (or --profile) in --region; AWS_ENDPOINT_URL and " +
      "AWS_ENDPOINT_URL_<SERVICE> are honoured. The IAM policy is docs/iam/diagnose.json.",
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

  const sources = await diagnoseSources(flags, io, { hours, now });
  const reading = await readRejects(sources.flowLogs, sources.span, (records) =>
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
    if (next !== base) await writeEvidenceBase(approvedPath, next);
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
