import {
  FlowLogFiles,
  LocalFileError,
  readJsonFile,
  type FlowLogSource,
  type InventoryReader,
  type RuleWriter,
} from "@sg/aws-adapter";
import { parseIpRanges, type IpRanges, type SubnetNacl, type TimeWindow } from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import {
  booleanFlag,
  integerFlag,
  listFlag,
  requiredFlag,
  stringFlag,
} from "../../cli/flag-values.js";
import { injectedFault } from "../../estate/injected-fault.js";
import { openLocalEstate } from "../../estate/open-estate.js";
import { naclsOf } from "../../evidence/nacls-of.js";

/** The estate extend reads and writes, and how to name it in printed commands. */
export interface ExtendEstate extends InventoryReader, RuleWriter {
  describe(): string;
  /** `command` followed by the flags that open this same estate. */
  commandLine(command: string): string;
}

/** What extend reads and writes. */
export interface ExtendSources {
  readonly flowLogs: FlowLogSource;
  readonly estate: ExtendEstate;
  /** The network ACLs, or `undefined` when the estate does not record them. */
  readonly nacls: () => Promise<readonly SubnetNacl[] | undefined>;
  /** AWS's ranges, with `--include-public` only. */
  readonly ipRanges?: IpRanges;
}

/**
 * Chooses extend's adapters from its flags: flow-log files (`--flow-logs`), an exported
 * estate (`--estate DIR`, quota `--max-rules`) and, with `--include-public`, AWS's ranges
 * from `--ip-ranges FILE`. The one place that picks adapters.
 */
export const extendSources = async (
  flags: FlagValues,
  io: ConsoleIo,
  window: TimeWindow | undefined,
): Promise<ExtendSources> => {
  const paths = listFlag(flags, "flow-logs");
  if (paths.length === 0) {
    throw usageError(
      "sg-tightener extend: --flow-logs is required " +
        "(live sources arrive with --log-group and --s3)",
    );
  }
  const directory = requiredFlag(flags, "estate", "extend");
  const quota = integerFlag(flags, "max-rules", 60, { min: 1, max: 1000 });
  const local = await openLocalEstate(directory, { quota, ...injectedFault(io.env) });
  const ipRanges = booleanFlag(flags, "include-public") ? await ipRangesOf(flags) : undefined;

  return {
    flowLogs: new FlowLogFiles(paths, window === undefined ? {} : { window }),
    estate: {
      read: () => local.read(),
      authorise: (groupId, rules) => local.authorise(groupId, rules),
      revoke: (groupId, rules) => local.revoke(groupId, rules),
      describe: () => local.describe(),
      commandLine: (line) => `${line} --estate ${directory}`,
    },
    nacls: async () => {
      const acls = await local.readNetworkAcls();
      return acls === undefined ? undefined : naclsOf(acls);
    },
    ...(ipRanges === undefined ? {} : { ipRanges }),
  };
};

const ipRangesOf = async (flags: FlagValues): Promise<IpRanges> => {
  const path = stringFlag(flags, "ip-ranges");
  if (path === undefined) {
    throw usageError(
      "sg-tightener extend: --include-public needs --ip-ranges FILE offline " +
        "(save https://ip-ranges.amazonaws.com/ip-ranges.json)",
    );
  }

  const document = await readJsonFile(path).catch((error: Error) => {
    throw inputError(error instanceof LocalFileError ? error.message : `${path}: ${error.message}`);
  });
  const parsed = parseIpRanges(document);
  if (!parsed.ok) {
    const problems = parsed.error.map((problem) => `${path}: ${problem.path} ${problem.reason}`);
    throw inputError([`${path} is not AWS's ip-ranges.json:`, ...problems].join("\n  "));
  }
  return parsed.value;
};
