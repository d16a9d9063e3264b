import type { Rule } from "@sg/core";
import type { PrefixListWeights } from "../../internal/permission-rules.js";
import { ruleMatchKey } from "../../internal/rule-match-key.js";
import { describeIngressRules } from "./describe-ingress-rules.js";
import { rulesOf } from "./rules-of.js";
import type { WriteContext } from "./write-context.js";

/**
 * Where a group stands against the rules of one write, after a re-read: `done` when the
 * write's effect is there in full (every rule present for an authorise, every rule gone
 * for a revoke), `not-done` when none of it is, `partial` otherwise. `held` is the
 * group's inbound rules as read.
 */
export interface GroupState {
  readonly kind: "done" | "not-done" | "partial";
  readonly held: readonly Rule[];
  readonly present: number;
}

/** The weights the requested rules carry, so re-read prefix-list rules keep them. */
export const weightsOf = (rules: readonly Rule[]): PrefixListWeights =>
  new Map(
    rules.flatMap(({ source }) =>
      source.kind === "prefix-list" && source.maxEntries !== undefined
        ? [[source.prefixListId, source.maxEntries] as const]
        : [],
    ),
  );

/**
 * Reads the group's inbound rules again and says whether `rules` are all there, none of
 * them, or some, matching as EC2 matches duplicates (protocol, ports and source).
 */
export const groupState = async (
  context: WriteContext,
  groupId: string,
  rules: readonly Rule[],
  effect: "present" | "absent",
): Promise<GroupState> => {
  const entries = await describeIngressRules(context.ec2, context.pageSize, [groupId]);
  const held = rulesOf(entries, weightsOf(rules));

  const keys = new Set(held.map(ruleMatchKey));
  const present = rules.filter((rule) => keys.has(ruleMatchKey(rule))).length;
  const all = effect === "present" ? rules.length : 0;
  const none = effect === "present" ? 0 : rules.length;
  const kind = present === all ? "done" : present === none ? "not-done" : "partial";
  return { kind, held, present };
};

/** The held rules that match `rules`, in the order of `rules`. */
export const heldInOrder = (rules: readonly Rule[], held: readonly Rule[]): Rule[] => {
  const byKey = new Map(held.map((rule) => [ruleMatchKey(rule), rule]));
  return rules.flatMap((rule) => byKey.get(ruleMatchKey(rule)) ?? []);
};
