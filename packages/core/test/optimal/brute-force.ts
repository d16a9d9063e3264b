import { fc } from "@fast-check/vitest";
import { blockSize, coveringBlock, ipv4Cidr, isSubsetOf, type Ipv4Cidr } from "@sg/core";
import type { RuleRequirement } from "@sg/core";

/**
 * Reference answers for the optimal-cover properties, written to be obviously right
 * rather than fast, and sharing no code with the optimiser.
 */

/** A rule of /24 – /28 in 10.0.0.0/8 with up to `most` /30 – /32 required blocks in it. */
export const smallRule = (
  most: number,
  lengths = { min: 24, max: 28 },
): fc.Arbitrary<RuleRequirement> =>
  fc
    .record({
      base: fc.nat({ max: 0xffffff }),
      length: fc.integer(lengths),
      required: fc.array(
        fc.record({ offset: fc.nat({ max: 255 }), length: fc.integer({ min: 30, max: 32 }) }),
        { maxLength: most },
      ),
    })
    .map(({ base, length, required }) => {
      const block = ipv4Cidr(0x0a000000 + base, length);
      return {
        block,
        required: required.map((r) =>
          ipv4Cidr(block.base + (r.offset % blockSize(block)), r.length),
        ),
      };
    });

/** Every address a set of blocks holds, ascending. */
export const addressesOf = (blocks: readonly Ipv4Cidr[]): number[] => {
  const seen = new Set<number>();
  for (const block of blocks) {
    for (let offset = 0; offset < blockSize(block); offset += 1) {
      seen.add(block.base + offset);
    }
  }
  return [...seen].sort((a, b) => a - b);
};

/**
 * The fewest prefixes that hold exactly these addresses: from the lowest address, take the
 * widest aligned prefix lying wholly in the set. This is what exact sibling merging must
 * produce, computed from addresses instead of from blocks.
 */
export const exactPrefixes = (addresses: readonly number[]): Ipv4Cidr[] => {
  const set = new Set(addresses);
  const result: Ipv4Cidr[] = [];
  let index = 0;
  while (index < addresses.length) {
    const start = addresses[index] as number;
    let length = 32;
    while (length > 0) {
      const wider = ipv4Cidr(start, length - 1);
      const all = wider.base === start && addressesOf([wider]).every((a) => set.has(a));
      if (!all) break;
      length -= 1;
    }
    result.push(ipv4Cidr(start, length));
    index += blockSize(ipv4Cidr(start, length));
  }
  return result;
};

/**
 * best[k] for k = 0 … n over every way to cut the rule's required blocks (nested ones
 * dropped, sorted) into k consecutive runs, each covered by its covering prefix. Complete
 * for prefix covers: in a disjoint cover each prefix holds whole blocks, a run of them in
 * address order since a prefix is an interval, and contains that run's covering prefix;
 * so some partition costs no more than any cover. Conversely a partition's covering
 * prefixes cover every block with at most that many prefixes (dropping nested ones), at
 * no more than the partition's cost. best[k] is then made "at most k" by a running min.
 */
export const bruteForceByRuns = (rule: RuleRequirement): number[] => {
  const blocks = exactPrefixes(addressesOf(rule.required));
  const n = blocks.length;
  const best: number[] = Array.from({ length: n + 1 }, () => Infinity);
  if (n === 0) return [0];

  for (let cuts = 0; cuts < 2 ** (n - 1); cuts += 1) {
    let cost = 0;
    let runs = 0;
    let start = 0;
    for (let i = 0; i < n; i += 1) {
      if (i === n - 1 || (cuts & (1 << i)) !== 0) {
        cost += blockSize(coveringBlock(blocks[start] as Ipv4Cidr, blocks[i] as Ipv4Cidr));
        runs += 1;
        start = i + 1;
      }
    }
    best[runs] = Math.min(best[runs] as number, cost);
  }
  return best.map((_, k) => Math.min(...best.slice(0, k + 1)));
};

/**
 * best[k] for k = 0 … `most` over every set of at most k prefixes inside the rule's block
 * that admits every required address (cost: the sum of the prefixes' sizes). Only prefixes
 * holding a required address are tried; any other could be dropped from a cover.
 */
export const bruteForceByPrefixSets = (rule: RuleRequirement, most: number): number[] => {
  const needed = addressesOf(rule.required);
  const candidates: Ipv4Cidr[] = [];
  for (let length = rule.block.length; length <= 32; length += 1) {
    for (
      let base = rule.block.base;
      base < rule.block.base + blockSize(rule.block);
      base += blockSize(ipv4Cidr(0, length))
    ) {
      const prefix = ipv4Cidr(base, length);
      if (needed.some((a) => a >= base && a < base + blockSize(prefix))) candidates.push(prefix);
    }
  }

  const best: number[] = Array.from({ length: most + 1 }, () => Infinity);
  const search = (from: number, chosen: Ipv4Cidr[]): void => {
    const admitted = needed.every((a) =>
      chosen.some((p) => a >= p.base && a < p.base + blockSize(p)),
    );
    if (admitted) {
      const cost = chosen.reduce((sum, p) => sum + blockSize(p), 0);
      best[chosen.length] = Math.min(best[chosen.length] as number, cost);
    }
    if (chosen.length === most) return;
    for (let i = from; i < candidates.length; i += 1)
      search(i + 1, [...chosen, candidates[i] as Ipv4Cidr]);
  };
  search(0, []);
  return best.map((_, k) => Math.min(...best.slice(0, k + 1)));
};

/** Whether every prefix lies in the block, no two overlap, and every address is admitted. */
export const isValidCover = (
  block: Ipv4Cidr,
  required: readonly Ipv4Cidr[],
  cover: readonly Ipv4Cidr[],
): boolean => {
  const inside = cover.every((p) => isSubsetOf(p, block));
  const disjoint = cover.every((p, i) =>
    cover.every((q, j) => i === j || (!isSubsetOf(p, q) && !isSubsetOf(q, p))),
  );
  const admitted = addressesOf(required).every((a) =>
    cover.some((p) => a >= p.base && a < p.base + blockSize(p)),
  );
  return inside && disjoint && admitted;
};

/** A brute-force group answer: total trusted, prefixes used and the split over rules. */
export interface GroupAnswer {
  readonly trusted: number;
  readonly used: number;
  readonly split: readonly number[];
}

/** Whether `a` is preferred to `b`: fewer addresses, then fewer prefixes, then the
 * lexicographically larger split (a lower rule index gets more prefixes). */
const preferred = (a: GroupAnswer, b: GroupAnswer): boolean => {
  if (a.trusted !== b.trusted) return a.trusted < b.trusted;
  if (a.used !== b.used) return a.used < b.used;
  const differs = a.split.findIndex((share, index) => share !== b.split[index]);
  return differs >= 0 && (a.split[differs] as number) > (b.split[differs] as number);
};

/**
 * The preferred answer among every split of at most `budget` prefixes over the rules,
 * each rule priced by its brute-force curve (a rule needing nothing may take 0).
 */
export const bruteForceGroup = (rules: readonly RuleRequirement[], budget: number): GroupAnswer => {
  const curves = rules.map(bruteForceByRuns);
  let best: GroupAnswer = { trusted: Infinity, used: Infinity, split: [] };
  const walk = (split: number[], left: number, trusted: number): void => {
    const curve = curves[split.length];
    if (curve === undefined) {
      const answer = { trusted, used: budget - left, split };
      if (preferred(answer, best)) best = answer;
      return;
    }
    for (let k = 0; k < curve.length && k <= left; k += 1) {
      walk([...split, k], left - k, trusted + (curve[k] as number));
    }
  };
  walk([], budget, 0);
  return best;
};
