import { blockSize, type Ipv4Cidr } from "../address/ipv4-cidr.js";
import type { CollapseStep } from "./collapse-step.js";
import type { TolerancePercent } from "./tolerance.js";

/** The evidence for one eligible rule: its block and the sources observed inside it. */
export interface RuleEvidence {
  /** A label for the trace, such as the rule id. */
  readonly label: string;
  readonly block: Ipv4Cidr;
  /** Sorted, unique, inside `block`, non-empty. */
  readonly sources: Uint32Array;
}

/**
 * The replacement blocks a collapse strategy chose for each rule of a group, and how.
 * Both strategies start from layer 1 at the configured tolerance; `addedToFit` is what
 * fitting the budget cost beyond it.
 */
export interface Collapse {
  /** Per rule, in input order: disjoint sorted blocks inside the rule's block. */
  readonly blocks: readonly (readonly Ipv4Cidr[])[];
  /** The tolerance the blocks were computed at (escalation may raise it). */
  readonly tolerance: TolerancePercent;
  readonly trace: readonly CollapseStep[];
  /** Addresses trusted beyond layer 1 at the configured tolerance, to fit the budget. */
  readonly addedToFit: number;
  /** How many forced merges the classic strategy needed (0 for the optimal one). */
  readonly forcedMerges: number;
}

/** The addresses a set of per-rule blocks trusts in total. */
export const trustedBy = (blocks: readonly (readonly Ipv4Cidr[])[]): number =>
  blocks.reduce((sum, rule) => sum + rule.reduce((inner, b) => inner + blockSize(b), 0), 0);
