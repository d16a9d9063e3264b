/** The demo estate's groups that the incident tests extend. */
export const WEB = "sg-0a11ce0000000web1";
export const DB = "sg-0a11ce00000000db2";
export const API = "sg-0a11ce0000000api3";

/** Rules as `group -> ["protocol|ports|cidr", …]`, the shape the tests compare. */
export type RulesByGroup = Record<string, string[]>;

/** The rules of `after` that `before` did not have, per group (strictly additive check). */
export const added = (before: RulesByGroup, after: RulesByGroup): RulesByGroup => {
  const gained: RulesByGroup = {};
  for (const [group, rules] of Object.entries(after)) {
    const fresh = rules.filter((rule) => !(before[group] ?? []).includes(rule));
    if (fresh.length > 0) gained[group] = fresh;
  }
  return gained;
};

/** The rules of `before` that `after` no longer has, in any group. */
export const removed = (before: RulesByGroup, after: RulesByGroup): string[] =>
  Object.entries(before).flatMap(([group, rules]) =>
    rules.filter((rule) => !(after[group] ?? []).includes(rule)),
  );

/** The CIDRs of `rules`, sorted. */
export const cidrsOf = (rules: readonly string[] | undefined): (string | undefined)[] =>
  (rules ?? []).map((rule) => rule.split("|")[2]).sort();
