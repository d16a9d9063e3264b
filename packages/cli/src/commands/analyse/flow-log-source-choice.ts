import type { LiveReadListener } from "@sg/aws-adapter";
import type { TimeWindow } from "@sg/core";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import {
  chooseFlowLogSource as chooseSource,
  type ChosenSource,
} from "../../evidence/flow-log-source-choice.js";

export type { ChosenSource, SourceTally } from "../../evidence/flow-log-source-choice.js";

/**
 * Picks the flow-log source of an `analyse` run from the command line: exactly one of
 * `--flow-logs PATH...`, `--log-group NAME` or `--s3 URL`, opened for `window`, with usage
 * errors naming analyse. The choice itself is shared with diagnose and extend.
 */
export const chooseFlowLogSource = (
  flags: FlagValues,
  window: TimeWindow,
  io: ConsoleIo,
  onProgress: LiveReadListener,
): ChosenSource => chooseSource("analyse", flags, window, io, onProgress);
