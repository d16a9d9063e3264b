import type { DryRunCall, GroupRuleChanges } from "@sg/aws-adapter";
import { describeRule, type ApplyStep } from "@sg/core";
import type { ConsoleIo } from "../cli/console-io.js";
import { ExitCode } from "../cli/exit-codes.js";
import type { CommandEstate } from "./command-estate.js";

const VERDICTS: Readonly<Record<DryRunCall["verdict"], string>> = {
  permitted: "permitted",
  denied: "DENIED",
  failed: "FAILED",
};

/** A group's scheduled steps, as a plan lists them. */
export interface ScheduledGroup {
  readonly groupId: string;
  readonly steps: readonly ApplyStep[];
}

/**
 * `apply --dry-run`, after the drift check has passed: on the live estate, asks EC2 with
 * `DryRun=true` whether every call would be permitted and prints each verdict, exiting 0
 * only when all are; on an exported estate, prints the calls apply would make. Changes
 * nothing and writes no manifest.
 */
export const dryRunApply = async (
  estate: CommandEstate,
  groups: readonly ScheduledGroup[],
  io: ConsoleIo,
): Promise<ExitCode> => {
  const calls = groups.flatMap(({ groupId, steps }) =>
    steps.map((step): GroupRuleChanges => ({ groupId, ...step })),
  );
  if (estate.dryRun === undefined) {
    printPlannedCalls(calls, io);
    io.out("Dry run: the estate matches the plan; nothing was changed, no manifest written.");
    return ExitCode.ok;
  }

  const verdicts = await estate.dryRun(calls);
  for (const call of verdicts) {
    const reason = call.code === undefined ? "" : `: ${call.code}: ${call.message ?? ""}`;
    io.out(
      `${VERDICTS[call.verdict].padEnd(10)}${call.action} ${call.groupId} ` +
        `(${call.rules} rules)${reason}`,
    );
  }

  const denied = verdicts.filter((call) => call.verdict === "denied");
  const failed = verdicts.filter((call) => call.verdict === "failed");
  if (denied.length + failed.length === 0) {
    io.out(`Dry run: EC2 would permit all ${verdicts.length} calls; nothing was changed.`);
    return ExitCode.ok;
  }

  for (const action of new Set(denied.map((call) => call.action))) {
    io.err(`Missing permission: ec2:${action} (and ec2:CreateTags on new rules, see docs/iam/)`);
  }
  io.err(
    `Dry run: ${denied.length + failed.length} of ${verdicts.length} calls would fail; ` +
      "nothing was changed. Decode an encoded message with 'aws sts " +
      "decode-authorization-message'.",
  );
  return denied.length > 0 ? ExitCode.notPermitted : ExitCode.awsUnavailable;
};

const printPlannedCalls = (steps: readonly GroupRuleChanges[], io: ConsoleIo): void => {
  for (const { groupId, authorise, revoke } of steps) {
    io.out(`${groupId}: authorise ${authorise.length} rules, then revoke ${revoke.length}`);
    for (const rule of authorise) io.out(`  + ${describeRule(rule)}`);
    for (const rule of revoke) io.out(`  - ${describeRule(rule)}`);
  }
};
