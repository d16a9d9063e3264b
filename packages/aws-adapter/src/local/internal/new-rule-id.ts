import type { Rule } from "@sg/core";
import { createHash } from "node:crypto";
import { ruleMatchKey } from "../../internal/rule-match-key.js";

const HEX_DIGITS = 17;

/**
 * A fresh `sgr-` id of 17 hex digits, as EC2 issues, for a rule the local estate adds. It
 * is derived from the rule and the ids already taken rather than drawn at random, so the
 * same run over the same export writes the same files and golden tests stay stable.
 */
export const newRuleId = (rule: Rule, taken: ReadonlySet<string>): string => {
  for (let attempt = 0; ; attempt += 1) {
    const digest = createHash("sha256")
      .update(`${ruleMatchKey(rule)}#${attempt}`)
      .digest("hex");
    const id = `sgr-${digest.slice(0, HEX_DIGITS)}`;
    if (!taken.has(id)) return id;
  }
};
