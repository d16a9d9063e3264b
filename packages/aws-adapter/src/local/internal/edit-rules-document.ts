import type { JsonObject } from "./source-slot.js";

/**
 * A copy of the `security-group-rules.json` document with `entries` appended and every
 * entry whose id is in `removedIds` taken out; every other entry, inbound or outbound,
 * stays exactly as exported (and is shared with the original, which is not changed).
 */
export const withRuleEntries = (
  document: unknown,
  entries: readonly JsonObject[],
  removedIds: ReadonlySet<string>,
): unknown => {
  const original = document as JsonObject;
  const rules = original["SecurityGroupRules"] as JsonObject[];

  const kept = rules.filter((rule) => !removedIds.has(rule["SecurityGroupRuleId"] as string));
  return { ...original, SecurityGroupRules: [...kept, ...entries] };
};
