import { FlowLogFiles, type FlowLogSource, type InventoryReader } from "@sg/aws-adapter";
import type { SubnetNacl, TimeWindow } from "@sg/core";
import { usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import { listFlag, requiredFlag } from "../../cli/flag-values.js";
import { openLocalEstate } from "../../estate/open-estate.js";
import { naclsOf } from "../../evidence/nacls-of.js";

/** What diagnose reads: the flow logs, the estate, and the estate's network ACLs. */
export interface DiagnoseSources {
  readonly flowLogs: FlowLogSource;
  readonly estate: InventoryReader;
  /** The network ACLs, or `undefined` when the estate does not record them. */
  readonly nacls: () => Promise<readonly SubnetNacl[] | undefined>;
}

/**
 * Chooses diagnose's adapters from its flags: flow-log files (`--flow-logs`) and an
 * exported estate (`--estate DIR`, whose `network-acls.json` is optional). `window`, when
 * known, lets the files outside it go unread. The one place that picks adapters.
 */
export const diagnoseSources = async (
  flags: FlagValues,
  window: TimeWindow | undefined,
): Promise<DiagnoseSources> => {
  const paths = listFlag(flags, "flow-logs");
  if (paths.length === 0) {
    throw usageError(
      "sg-tightener diagnose: --flow-logs is required " +
        "(live sources arrive with --log-group and --s3)",
    );
  }
  const estate = await openLocalEstate(requiredFlag(flags, "estate", "diagnose"));

  return {
    flowLogs: new FlowLogFiles(paths, window === undefined ? {} : { window }),
    estate,
    nacls: async () => {
      const acls = await estate.readNetworkAcls();
      return acls === undefined ? undefined : naclsOf(acls);
    },
  };
};
