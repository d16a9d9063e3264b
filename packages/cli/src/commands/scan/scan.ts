import { writeFileAtomically } from "@sg/aws-adapter";
import { SEVERITY_WEIGHTS } from "@sg/core";
import type { Command, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import type { ExitCode } from "../../cli/exit-codes.js";
import { scanCsv } from "./formats/scan-csv.js";
import { scanJson } from "./formats/scan-json.js";
import { scanMarkdown } from "./formats/scan-markdown.js";
import { scanTable } from "./formats/scan-table.js";
import { liveScan } from "./live-scan.js";
import { offlineScan } from "./offline-scan.js";
import { buildScanReport, scanExitCode, type ScanReport, type ScanScope } from "./scan-report.js";
import { scanRequestOf, type ScanFormat, type ScanRequest } from "./scan-request.js";

const RENDER: Readonly<Record<ScanFormat, (report: ScanReport) => string>> = {
  table: (report) => `${scanTable(report).join("\n")}\n`,
  json: (report) => `${scanJson(report)}\n`,
  csv: scanCsv,
  markdown: scanMarkdown,
};

const weights = Object.entries(SEVERITY_WEIGHTS)
  .map(([severity, weight]) => `${severity} ${weight}`)
  .join(", ");

/** `sg-tightener scan`: rank accounts by the risk of their inbound rules; a pipeline gate. */
export const scanCommand: Command = {
  name: "scan",
  summary: "rank accounts of an Organization by inbound-rule risk (exits 7 on any CRITICAL)",
  synopsis: [
    "sg-tightener scan [--org | --accounts 111,222] [--ou ou-…] [--role-name NAME] " +
      "[--external-id X] [--regions all|us-east-1,…] [--concurrency 8] " +
      "[--format table|json|csv|markdown] [--out FILE]",
    "sg-tightener scan --estate DIR [--format …] [--out FILE]",
  ],
  flags: {
    org: { type: "boolean", description: "Scan every ACTIVE account of the Organization." },
    accounts: {
      type: "string",
      multiple: true,
      value: "IDS",
      description: "Scan these accounts (comma-separated 12-digit ids).",
    },
    ou: {
      type: "string",
      value: "ID",
      description: "Only the accounts under this OU or root, nested OUs included (implies --org).",
    },
    "role-name": {
      type: "string",
      value: "NAME",
      description: "The role to assume in each account (default OrganizationAccountAccessRole).",
    },
    "external-id": { type: "string", value: "X", description: "The ExternalId for AssumeRole." },
    regions: {
      type: "string",
      multiple: true,
      value: "LIST",
      description: "all (default: every enabled Region) or a comma-separated list.",
    },
    concurrency: {
      type: "string",
      value: "N",
      description: "Account and Region reads at once, 1-64 (default 8).",
    },
    format: {
      type: "string",
      value: "F",
      description: "table (default), json, csv or markdown.",
    },
    out: { type: "string", value: "FILE", description: "Write the report here, not stdout." },
    estate: {
      type: "string",
      value: "DIR",
      description: "Scan one exported estate offline instead of AWS.",
    },
    threshold: {
      type: "string",
      value: "N",
      description: "plan's eligibility threshold: private rules broader than /N (default 24).",
    },
    region: {
      type: "string",
      value: "R",
      description: "Where STS and DescribeRegions are called (default AWS_REGION, us-east-1).",
    },
    profile: { type: "string", value: "NAME", description: "A named AWS profile." },
  },
  details: [
    "Severity: CRITICAL = the internet (0.0.0.0/0, ::/0) on an admin or database port or on " +
      "every port; HIGH = the internet on other ports, a broad public block (wider than /16) " +
      "on admin ports, or a whole RFC 1918 block on every port; MEDIUM = a private block of " +
      "65,536+ addresses (4,096+ on admin ports), or a broad public block on other ports; " +
      "LOW = narrower broad private rules and ICMP from anywhere.",
    `Score per account: the sum of ${weights}. Accounts rank by score, then by more ` +
      "CRITICAL, HIGH, MEDIUM, LOW findings, then by account id. NACLs are labelled " +
      "(allow-all, internet-admin-ports, broad-private), reported and never changed.",
    "Accounts: --org lists the Organization (management account or delegated admin); the " +
      "caller's own account is read with its own credentials, the others through the role. " +
      "Without --org or --accounts, only the caller's account. Suspended and closed " +
      "accounts and Regions not opted into are skipped.",
    "Exit codes: 0 nothing CRITICAL and everything scanned; 7 at least one CRITICAL finding " +
      "(wins when both apply); 8 some account or Region could not be scanned (role denied, " +
      "Region disabled, throttled past the retries); 2 usage; 3 unreadable --estate.",
  ],
  run: async (flags, _positionals, io) => scan(flags, io),
};

const scopeOf = (request: ScanRequest): ScanScope =>
  request.kind === "offline"
    ? { accounts: "estate", regions: [], estate: request.estate, threshold: request.threshold }
    : {
        accounts: request.accounts.kind,
        ...(request.accounts.kind === "organization" &&
        request.accounts.organizationalUnitId !== undefined
          ? { organizationalUnitId: request.accounts.organizationalUnitId }
          : {}),
        regions: request.regions,
        threshold: request.threshold,
      };

const scan = async (flags: FlagValues, io: ConsoleIo): Promise<ExitCode> => {
  const request = scanRequestOf(flags, io.env);

  const outcome =
    request.kind === "offline" ? await offlineScan(request.estate) : await liveScan(request, io);
  const report = buildScanReport(outcome, scopeOf(request), io.now());
  const text = RENDER[request.format](report);

  if (request.out === undefined) {
    io.out(text.replace(/\r?\n$/, ""));
  } else {
    await writeFileAtomically(request.out, text);
    io.out(`${scanTable(report)[0]} Wrote ${request.out} (${request.format}).`);
  }
  return scanExitCode(report);
};
