import { usageError } from "../../cli/cli-error.js";
import type { Command, FlagSpec, FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import type { ExitCode } from "../../cli/exit-codes.js";
import { ESTATE_DETAILS, ESTATE_FLAGS } from "../../estate/estate-flags.js";
import { compactApply } from "./apply-action.js";
import { compactPlan } from "./plan-action.js";
import { compactRevert } from "./revert-action.js";

type Action = "plan" | "apply" | "revert";

const ACTIONS: Readonly<Record<Action, (flags: FlagValues, io: ConsoleIo) => Promise<ExitCode>>> = {
  plan: compactPlan,
  apply: compactApply,
  revert: compactRevert,
};

type ActionFlag = FlagSpec & { readonly actions: readonly Action[] };

const ESTATE: Readonly<Record<string, ActionFlag>> = Object.fromEntries(
  Object.entries(ESTATE_FLAGS).map(([name, spec]) => [
    name,
    { ...spec, actions: ["plan", "apply", "revert"] },
  ]),
);

const FLAGS: Readonly<Record<string, ActionFlag>> = {
  ...ESTATE,
  groups: {
    type: "string",
    multiple: true,
    value: "IDS",
    description: "plan: only these groups (comma-separated or repeated).",
    actions: ["plan"],
  },
  top: {
    type: "string",
    value: "N",
    description: "plan: the N groups nearest their quota (default 10).",
    actions: ["plan"],
  },
  ratio: {
    type: "string",
    value: "R",
    description: "plan: compact at this ratio, 0-1 (0.5 or 50%), instead of sweeping.",
    actions: ["plan"],
  },
  out: {
    type: "string",
    value: "FILE",
    description: "plan --ratio: write the plan to review here.",
    actions: ["plan"],
  },
  json: { type: "boolean", description: "plan: print JSON on stdout.", actions: ["plan"] },
  plan: {
    type: "string",
    value: "FILE",
    description: "apply: the compact-plan.json to apply.",
    actions: ["apply"],
  },
  "dry-run": {
    type: "boolean",
    description: "apply: check drift, coverage and (live) EC2 permissions; change nothing.",
    actions: ["apply"],
  },
  "manifest-dir": {
    type: "string",
    value: "DIR",
    description: "apply: where to write compact-manifest-<UTC>.json (default: here).",
    actions: ["apply"],
  },
  manifest: {
    type: "string",
    value: "FILE",
    description: "revert: the compact manifest to undo.",
    actions: ["revert"],
  },
};

/** `sg-tightener compact plan|apply|revert`: reclaim rule budget by widening private rules. */
export const compactCommand: Command = {
  name: "compact",
  summary: "reclaim rule budget by widening private CIDRs, never losing coverage",
  synopsis: [
    "sg-tightener compact plan [--groups IDS] [--top 10] [--max-rules 60] [--json] [ESTATE]",
    "sg-tightener compact plan --ratio 0.5 [--out compact-plan.json] [--json] [ESTATE]",
    "sg-tightener compact apply --plan compact-plan.json [--dry-run] [--manifest-dir DIR] [ESTATE]",
    "sg-tightener compact revert --manifest compact-manifest-<UTC>.json [ESTATE]",
    "ESTATE: --estate DIR for an exported estate, else the live account [--region R] [--profile P]",
  ],
  flags: FLAGS,
  positionals: true,
  details: [
    "Only IPv4 CIDR rules inside one RFC 1918 block are merged, and only with rules of the " +
      "same protocol and ports; a merged block never crosses an RFC 1918 boundary and " +
      "admits every address the rules it replaces admitted. The ratio bounds the share of " +
      "a widened block W that no existing rule admitted: |W - union of the rules inside " +
      "W| / |W| <= ratio. At a ratio, compaction reclaims the most rules possible, then " +
      "adds the fewest addresses (exact, not a heuristic).",
    "Without --ratio, plan ranks the groups by rules used / quota and shows, for ratios " +
      "0.1 to 0.9, the rules before -> after and the addresses each ratio adds. Apply " +
      "revokes redundant rules first, then authorises each widened block before revoking " +
      "the rules it replaces, so a group needs one free rule slot at most; a group " +
      "without one is refused in the plan and never applied. Apply " +
      "refuses with exit code 4 when the estate changed since the plan, halts with exit " +
      "code 5 and the revert command when a call fails; revert undoes merge by merge.",
    ESTATE_DETAILS,
  ],
  run: async (flags, positionals, io) => ACTIONS[actionOf(flags, positionals)](flags, io),
};

const actionOf = (flags: FlagValues, positionals: readonly string[]): Action => {
  const [action, ...extra] = positionals;
  if (action === undefined || !(action in ACTIONS) || extra.length > 0) {
    const given = positionals.length === 0 ? "no action" : `"${positionals.join(" ")}"`;
    throw usageError(
      `sg-tightener compact: expected one action, plan, apply or revert, got ${given}. ` +
        "Run 'sg-tightener compact --help'.",
    );
  }

  const chosen = action as Action;
  const misplaced = Object.keys(flags).filter(
    (name) => flags[name] !== undefined && !FLAGS[name]?.actions.includes(chosen),
  );
  if (misplaced.length > 0) {
    throw usageError(
      `sg-tightener compact ${chosen}: ${misplaced.map((name) => `--${name}`).join(", ")} ` +
        `is not a flag of compact ${chosen}. Run 'sg-tightener compact --help'.`,
    );
  }
  return chosen;
};
