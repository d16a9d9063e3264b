import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LocalEstate } from "@sg/aws-adapter";
import { diagnoseRejects, parseIpv4, type RejectedAttempt } from "@sg/core";
import { generateDemoFlowLogs } from "../../../../examples/demo/demo-flow-logs.js";
import {
  writeIncidentIpRanges,
  writeIncidentNetworkAcls,
} from "../../../../examples/demo/incident-estate.js";
import {
  generateIncidentFlowLogs,
  generateRecoveryFlowLogs,
} from "../../../../examples/demo/incident-flow-logs.js";
import type { IncidentFinding } from "../../../../examples/demo/incident-sources.js";
import { estateMeaning } from "../support/estate-meaning.js";
import { demoWorkspace, runCli, type CliRun } from "../support/run-cli.js";

/** The incident's `--now`: the end of its 24-hour window. */
export const INCIDENT_NOW_ISO = "2026-06-03T02:00:00Z";

/** A workspace where the demo estate was tightened, then the incident happened. */
export interface IncidentWorkspace {
  readonly dir: string;
  /** The manifest of the apply that tightened `estate/`. */
  readonly tightening: string;
  /** The estate's meaning before it was tightened (also kept as `original-estate/`). */
  readonly original: Record<string, string[]>;
}

const succeed = async (run: Promise<CliRun>): Promise<CliRun> => {
  const done = await run;
  if (done.code !== 0) throw new Error(`setup step failed (${done.code}): ${done.stderr}`);
  return done;
};

/**
 * Copies the demo estate (with the incident's network-acls.json) and writes the demo's
 * flow logs under `logs/`, the incident's under `incident/`, the hour after under
 * `recovery/` and ip-ranges.json; then analyses, plans and applies the tightening, as
 * the operator did a week before the incident.
 */
export const tightenedIncidentWorkspace = async (): Promise<IncidentWorkspace> => {
  const dir = demoWorkspace();
  const estate = join(dir, "estate");
  writeIncidentNetworkAcls(estate);
  cpSync(estate, join(dir, "original-estate"), { recursive: true });
  const original = await estateMeaning(estate);
  generateDemoFlowLogs(join(dir, "logs"));
  generateIncidentFlowLogs(join(dir, "incident"));
  generateRecoveryFlowLogs(join(dir, "recovery"));
  writeIncidentIpRanges(join(dir, "ip-ranges.json"));

  const window = ["--now", "2026-05-28T12:00:00Z", "--days", "90"];
  const cwd = { cwd: dir };
  await succeed(
    runCli(["analyse", "--flow-logs", "logs", ...window, "--out", "approved.json"], cwd),
  );
  await succeed(
    runCli(
      ["plan", "--approved", "approved.json", "--estate", "estate", "--out", "tight.json"],
      cwd,
    ),
  );
  await succeed(runCli(["apply", "--plan", "tight.json", "--estate", "estate"], cwd));
  const tightening = readdirSync(dir).find((name) => name.startsWith("manifest-"))!;
  return { dir, tightening, original };
};

const address = (text: string): number => {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(`bad fixture address ${text}`);
  return parsed.value;
};

/** The findings that no rule of the estate in `estateDir` admits now. */
export const stillBlocked = async (
  estateDir: string,
  findings: readonly IncidentFinding[],
): Promise<string[]> => {
  const inventory = await (await LocalEstate.open(estateDir)).read();
  const attempts = findings.map((finding): RejectedAttempt => ({
    interfaceId: finding.interfaceId,
    destination: address(finding.destination),
    protocol: 6,
    port: finding.port,
    source: address(finding.source),
    firstSeen: 0,
    lastSeen: 0,
    count: 1,
  }));
  const { blocked } = diagnoseRejects(inventory, attempts, { includePublic: true });
  return blocked.map(({ attempt }) => findings[attempts.indexOf(attempt)]!.source);
};
