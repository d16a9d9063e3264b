/**
 * Benchmark: the classic layers (escalation, forced merges) against the optimal cover,
 * on generated groups with 1 to 8 broad rules, 100 to 100,000 observed sources each, and
 * quotas from 20 to 1,000. For each group it prints the addresses trusted by
 *   classic   - the original tool: classic layers, all-at-once budget (quota - kept - R),
 *   optimal=  - the optimal cover at that same budget (the algorithm's gain alone),
 *   optimal   - what `plan` does by default: optimal cover, staged budget (quota - kept - 1),
 * the ratio classic / optimal, and the planning time of each, measured in one process.
 *
 * Run: pnpm exec tsx packages/core/bench/strategies.bench.ts
 */
import {
  collapseClassic,
  collapseOptimal,
  ipv4Cidr,
  sortedUniqueAddresses,
  trustedBy,
  type RuleEvidence,
} from "../src/index.js";

interface Estate {
  readonly rules: number;
  readonly sources: number;
  readonly quota: number;
  readonly kept: number;
}

const ESTATES: readonly Estate[] = [
  { rules: 1, sources: 100, quota: 20, kept: 10 },
  { rules: 1, sources: 1_000, quota: 60, kept: 20 },
  { rules: 3, sources: 1_000, quota: 20, kept: 5 },
  { rules: 3, sources: 10_000, quota: 60, kept: 20 },
  { rules: 8, sources: 10_000, quota: 60, kept: 30 },
  { rules: 2, sources: 100_000, quota: 60, kept: 10 },
  { rules: 4, sources: 100_000, quota: 200, kept: 40 },
  { rules: 6, sources: 100_000, quota: 1_000, kept: 100 },
];

/** A small deterministic generator (mulberry32), so every run measures the same data. */
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
};

/**
 * One /12 rule per index inside 10/8 (1,048,576 addresses), 97% of its sources in dense
 * subnets of 8 to 256 hosts (85% filled), 3% scattered outliers.
 */
const ruleEvidence = (index: number, count: number, next: () => number): RuleEvidence => {
  const block = ipv4Cidr(0x0a000000 + index * 0x100000, 12);
  const size = 0x100000;
  const sources = new Uint32Array(count);
  let written = 0;
  while (written < count * 0.97) {
    const width = 8 << Math.floor(next() * 6);
    const start = Math.floor((next() * size) / width) * width;
    for (let offset = 0; offset < width && written < count * 0.97; offset += 1) {
      if (next() < 0.85) sources[written++] = block.base + start + offset;
    }
  }
  while (written < count) sources[written++] = block.base + Math.floor(next() * size);
  return { label: `rule-${index}`, block, sources: sortedUniqueAddresses(sources) };
};

const timed = <T>(work: () => T): { result: T; ms: number } => {
  const start = process.hrtime.bigint();
  const result = work();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
};

const sink: unknown[] = [];
const header = [
  "rules",
  "sources/rule",
  "quota",
  "classic",
  "optimal=",
  "optimal",
  "ratio",
  "classic ms",
  "optimal ms",
];
console.log(header.map((h) => h.padStart(12)).join(""));
for (const [n, estate] of ESTATES.entries()) {
  const next = random(1000 + n);
  const rules = Array.from({ length: estate.rules }, (_, i) =>
    ruleEvidence(i, estate.sources, next),
  );
  const allAtOnce = estate.quota - estate.kept - estate.rules;
  const staged = estate.quota - estate.kept - 1;

  const classic = timed(() => collapseClassic(rules, allAtOnce, 30));
  const same = collapseOptimal(rules, allAtOnce, 30);
  const optimal = timed(() => collapseOptimal(rules, staged, 30));
  sink.push(classic.result, same, optimal.result);

  const [c, s, o] = [classic.result, same, optimal.result].map((r) => trustedBy(r.blocks));
  const cells = [
    estate.rules,
    estate.sources,
    estate.quota,
    c,
    s,
    o,
    (c! / o!).toFixed(2),
    classic.ms.toFixed(1),
    optimal.ms.toFixed(1),
  ];
  console.log(cells.map((cell) => String(cell).padStart(12)).join(""));
}
console.log(`(sink: ${sink.length} results kept alive)`);
