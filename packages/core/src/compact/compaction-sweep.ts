import type { SecurityGroup } from "../inventory/inventory.js";
import { compactGroup } from "./compact-group.js";
import type { CompactionRatio } from "./compaction.js";

/** The ratios plan mode sweeps when none is given: 10%, 20%, … 90%. */
export const SWEEP_RATIOS: readonly CompactionRatio[] = [10, 20, 30, 40, 50, 60, 70, 80, 90];

/** What compacting one group at one ratio would do, as the sweep table shows it. */
export interface SweepPoint {
  readonly ratio: CompactionRatio;
  readonly rulesBefore: number;
  readonly rulesAfter: number;
  readonly reclaimed: number;
  readonly addedAddresses: number;
  /** New blocks authorised (the other merges only revoke redundant rules). */
  readonly widened: number;
  readonly merges: number;
  /** Whether the group lacks the free rule slot the merges need (see `compactGroup`). */
  readonly refused: boolean;
}

/**
 * The trade-off an operator decides from: for each ratio, the group's rules before and
 * after compaction and the addresses it would add. Rules after never rise as the ratio
 * does, because a block allowed at one ratio is allowed at every higher one.
 *
 * @example
 * // tcp/443 from 10.0.0.0/24, 10.0.1.0/24 and 10.0.4.0/24:
 * compactionSweep(group, 60, [0, 60, 70]).map((point) => point.rulesAfter); // [2, 2, 1]
 * // at 0 and 0.6 the two siblings become 10.0.0.0/23; at 0.7 all three become
 * // 10.0.0.0/21, adding 1,280 addresses (62.5% of it)
 */
export const compactionSweep = (
  group: SecurityGroup,
  quota: number,
  ratios: readonly CompactionRatio[] = SWEEP_RATIOS,
): SweepPoint[] =>
  ratios.map((ratio) => {
    const compaction = compactGroup(group, quota, ratio);
    return {
      ratio,
      rulesBefore: compaction.rulesBefore,
      rulesAfter: compaction.rulesAfter,
      reclaimed: compaction.rulesBefore - compaction.rulesAfter,
      addedAddresses: compaction.addedAddresses,
      widened: compaction.merges.filter((merge) => merge.kind === "widened").length,
      merges: compaction.merges.length,
      refused: compaction.refusal !== undefined,
    };
  });
