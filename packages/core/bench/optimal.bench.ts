/**
 * Benchmark: the provably tightest group cover (optimalGroupCover) for groups of 1, 5 and
 * 20 rules holding 1k, 10k and 100k required blocks in total, at budgets of 20, 60, 200
 * and 1,000 prefixes, against sorting the same number of addresses as a Uint32Array in
 * the same process. Required blocks look like gap-tolerance output: mostly /32s, some
 * /30s and /29s, two thirds of them in dense /20 neighbourhoods and the rest scattered.
 *
 * Run: npx tsx packages/core/bench/optimal.bench.ts
 */
import { ipv4Cidr, type Ipv4Cidr } from "../src/index.js";
import { costCurve, optimalGroupCover, type RuleRequirement } from "../src/optimal/index.js";

const TEN = 0x0a000000;
const RULE_LENGTH: Record<number, number> = { 1: 8, 5: 11, 20: 13 };

/** A small deterministic generator (xorshift32), so every run measures the same data. */
const generator = (seed: number): (() => number) => {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
};

/** `count` disjoint required blocks in the rule's block, one per distinct /29 slot. */
const requiredBlocks = (block: Ipv4Cidr, count: number, next: () => number): Ipv4Cidr[] => {
  const slots = 2 ** (29 - block.length);
  const centres = Array.from({ length: 16 }, () => Math.floor(next() * slots));
  const taken = new Set<number>();
  while (taken.size < count) {
    const near =
      (centres[Math.floor(next() * centres.length)] as number) + Math.floor(next() * 512);
    taken.add(next() < 2 / 3 ? near % slots : Math.floor(next() * slots));
  }

  return [...taken].map((slot) => {
    const roll = next();
    const base = block.base + slot * 8;
    if (roll < 0.15) return ipv4Cidr(base, 29);
    if (roll < 0.4) return ipv4Cidr(base + 4 * Math.floor(next() * 2), 30);
    return ipv4Cidr(base + Math.floor(next() * 8), 32);
  });
};

const groupOf = (rules: number, total: number): RuleRequirement[] => {
  const next = generator(rules * 1_000_003 + total);
  const length = RULE_LENGTH[rules] as number;
  return Array.from({ length: rules }, (_, index) => {
    const block = ipv4Cidr(TEN + index * 2 ** (32 - length), length);
    return { block, required: requiredBlocks(block, Math.floor(total / rules), next) };
  });
};

const bestOf = (runs: number, work: () => unknown, sink: unknown[]): number => {
  let best = Infinity;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    sink.push(work());
    best = Math.min(best, performance.now() - start);
  }
  return best;
};

const mergedCount = (rules: readonly RuleRequirement[]): number =>
  rules.reduce((sum, rule) => {
    const curve = costCurve(rule, 1);
    return sum + (curve.ok ? curve.value.required.length : 0);
  }, 0);

const sink: unknown[] = [];
console.log("rules  blocks  budget   sort (ms)  optimal (ms)   ratio      trusted  used");
for (const rules of [1, 5, 20]) {
  for (const total of [1_000, 10_000, 100_000]) {
    const group = groupOf(rules, total);
    const addresses = Uint32Array.from(group.flatMap((rule) => rule.required.map((b) => b.base)));
    const runs = total >= 100_000 ? 3 : 7;
    const sortMs = bestOf(runs, () => Uint32Array.from(addresses).sort(), sink);

    for (const budget of [20, 60, 200, 1_000]) {
      const optimalMs = bestOf(runs, () => optimalGroupCover(group, budget), sink);
      const result = optimalGroupCover(group, budget);
      const cover = result.ok ? result.value : undefined;
      console.log(
        [
          String(rules).padStart(5),
          String(mergedCount(group)).padStart(8),
          String(budget).padStart(8),
          sortMs.toFixed(2).padStart(12),
          optimalMs.toFixed(1).padStart(14),
          (optimalMs / sortMs).toFixed(1).padStart(8),
          String(cover?.trusted ?? "-").padStart(13),
          String(cover?.used ?? "-").padStart(6),
        ].join(""),
      );
    }
  }
}
console.log(`(sink: ${sink.length} results kept alive)`);
