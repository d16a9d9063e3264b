import {
  DEFAULT_ROLE_NAME,
  DEFAULT_SCAN_CONCURRENCY,
  type AccountScope,
  type RegionScope,
} from "@sg/aws-adapter";
import { DEFAULT_ELIGIBILITY_THRESHOLD } from "@sg/core";
import { usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import { booleanFlag, integerFlag, listFlag, stringFlag } from "../../cli/flag-values.js";

/** The report formats: a table for people, JSON and CSV for machines, Markdown for tickets. */
export const SCAN_FORMATS = ["table", "json", "csv", "markdown"] as const;

/** One of {@link SCAN_FORMATS}. */
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** What to render and where, for either kind of scan. */
export interface ScanOutput {
  readonly format: ScanFormat;
  readonly out?: string;
  readonly threshold: number;
}

/** A validated `scan` command line: offline over one exported estate, or live. */
export type ScanRequest =
  | (ScanOutput & { readonly kind: "offline"; readonly estate: string })
  | (ScanOutput & {
      readonly kind: "live";
      readonly accounts: AccountScope;
      readonly regions: RegionScope;
      readonly roleName: string;
      readonly externalId?: string;
      readonly concurrency: number;
      readonly profile?: string;
      readonly homeRegion?: string;
    });

const ACCOUNT_ID = /^\d{12}$/;
const PARENT_ID = /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const LIVE_ONLY = ["org", "accounts", "ou", "role-name", "external-id", "regions", "concurrency"];

const fail = (message: string): never => {
  throw usageError(`sg-tightener scan: ${message}. Run 'sg-tightener scan --help'.`);
};

const outputOf = (flags: FlagValues): ScanOutput => {
  const format = stringFlag(flags, "format") ?? "table";
  if (!(SCAN_FORMATS as readonly string[]).includes(format)) {
    fail(`--format "${format}" is not one of ${SCAN_FORMATS.join(", ")}`);
  }
  const out = stringFlag(flags, "out");
  return {
    format: format as ScanFormat,
    ...(out === undefined ? {} : { out }),
    threshold: integerFlag(flags, "threshold", DEFAULT_ELIGIBILITY_THRESHOLD, { min: 1, max: 32 }),
  };
};

const accountScopeOf = (flags: FlagValues): AccountScope => {
  const accounts = listFlag(flags, "accounts");
  const unit = stringFlag(flags, "ou");
  if (booleanFlag(flags, "org") && accounts.length > 0) fail("give --org or --accounts, not both");
  if (unit !== undefined && accounts.length > 0)
    fail("--ou selects part of --org, not of --accounts");
  if (unit !== undefined && !PARENT_ID.test(unit)) {
    fail(`--ou "${unit}" is not an OU id (ou-xxxx-xxxxxxxx) or a root id (r-xxxx)`);
  }

  const bad = accounts.find((account) => !ACCOUNT_ID.test(account));
  if (bad !== undefined) fail(`--accounts "${bad}" is not a 12-digit account id`);
  if (accounts.length > 0) return { kind: "accounts", accountIds: accounts };
  if (booleanFlag(flags, "org") || unit !== undefined) {
    return { kind: "organization", ...(unit === undefined ? {} : { organizationalUnitId: unit }) };
  }
  return { kind: "current" };
};

const regionScopeOf = (flags: FlagValues): RegionScope => {
  const regions = listFlag(flags, "regions");
  if (regions.length === 0 || (regions.length === 1 && regions[0] === "all")) return "all";

  const bad = regions.find((region) => !REGION.test(region));
  if (bad !== undefined) fail(`--regions "${bad}" is not "all" or a Region name such as us-east-1`);
  return [...new Set(regions)];
};

/**
 * Validates the flags of `scan` into a request. `--estate` scans one exported estate
 * offline and takes none of the live flags; `--ou` alone implies `--org`.
 */
export const scanRequestOf = (
  flags: FlagValues,
  env: Readonly<Record<string, string | undefined>>,
): ScanRequest => {
  const output = outputOf(flags);
  const estate = stringFlag(flags, "estate");
  if (estate !== undefined) {
    const live = LIVE_ONLY.find((name) => flags[name] !== undefined);
    if (live !== undefined) fail(`--${live} scans AWS; it cannot be combined with --estate`);
    return { ...output, kind: "offline", estate };
  }

  const externalId = stringFlag(flags, "external-id");
  const profile = stringFlag(flags, "profile");
  const homeRegion = stringFlag(flags, "region") ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  return {
    ...output,
    kind: "live",
    accounts: accountScopeOf(flags),
    regions: regionScopeOf(flags),
    roleName: stringFlag(flags, "role-name") ?? DEFAULT_ROLE_NAME,
    ...(externalId === undefined ? {} : { externalId }),
    concurrency: integerFlag(flags, "concurrency", DEFAULT_SCAN_CONCURRENCY, { min: 1, max: 64 }),
    ...(profile === undefined ? {} : { profile }),
    ...(homeRegion === undefined ? {} : { homeRegion }),
  };
};
