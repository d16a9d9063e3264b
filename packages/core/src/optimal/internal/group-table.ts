/**
 * The exact min-plus combination of a group's rule curves over a budget. `best[j]` is the
 * fewest addresses the group trusts when exactly j prefixes are shared out (each rule
 * spending at most its share, as its curve allows), Infinity when no split reaches j;
 * `choice[r · (budget + 1) + j]` is how many of j prefixes rule r takes when rules r … R−1
 * share them. Rows run from the last rule to the first, so a walk from rule 0 can read
 * each rule's share in turn.
 */
export interface GroupTable {
  readonly budget: number;
  readonly best: Float64Array;
  readonly choice: Int32Array;
}

/**
 * Fills the table. `trusted[r][k − 1]` is rule r's curve; an empty curve means the rule
 * needs nothing and takes 0 prefixes. Among equal sums the largest share for the rule is
 * kept, so walking from rule 0 hands lower-indexed rules more prefixes on ties. Work is
 * O(R · B · K) for R rules, budget B and curves of at most K points, within O(R · B²).
 */
export const solveGroupTable = (
  trusted: readonly (readonly number[])[],
  budget: number,
): GroupTable => {
  const width = budget + 1;
  const choice = new Int32Array(trusted.length * width);
  let next = new Float64Array(width).fill(Infinity);
  next[0] = 0;

  for (let rule = trusted.length - 1; rule >= 0; rule -= 1) {
    const curve = Float64Array.from(trusted[rule] as readonly number[]);
    const row = new Float64Array(width);
    for (let j = 0; j < width; j += 1) {
      row[j] =
        curve.length === 0
          ? (next[j] as number)
          : bestShare(curve, next, j, choice, rule * width + j);
    }
    next = row;
  }
  return { budget, best: next, choice };
};

const bestShare = (
  curve: Float64Array,
  next: Float64Array,
  j: number,
  choice: Int32Array,
  at: number,
): number => {
  let best = Infinity;
  const last = Math.min(curve.length, j);
  for (let k = 1; k <= last; k += 1) {
    const sum = (curve[k - 1] as number) + (next[j - k] as number);
    if (sum <= best && sum !== Infinity) {
      best = sum;
      choice[at] = k;
    }
  }
  return best;
};

/**
 * The cheapest budget of at most `budget` prefixes, and the fewest prefixes that reach
 * it: the smallest j ≤ budget whose total equals the minimum over all j ≤ budget.
 */
export const fewestPrefixesWithin = (table: GroupTable, budget: number): number => {
  let fewest = 0;
  for (let j = 1; j <= budget; j += 1) {
    if ((table.best[j] as number) < (table.best[fewest] as number)) {
      fewest = j;
    }
  }
  return fewest;
};

/** Each rule's share when exactly `prefixes` are shared out, walking from rule 0. */
export const shareOut = (table: GroupTable, rules: number, prefixes: number): number[] => {
  const width = table.budget + 1;
  const shares: number[] = [];
  let left = prefixes;
  for (let rule = 0; rule < rules; rule += 1) {
    const share = table.choice[rule * width + left] as number;
    shares.push(share);
    left -= share;
  }
  return shares;
};
