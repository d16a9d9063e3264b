/**
 * Benchmark: the whole three-layer collapse of one group whose 10.0.0.0/8 rule has 10k,
 * 100k and 1M observed sources (dense clusters plus scattered outliers, so that gap
 * tolerance, escalation and forced merges all run at a 60-rule quota), against sorting
 * the same addresses as a Uint32Array in the same process.
 *
 * Run: pnpm bench (or npx tsx packages/core/bench/collapse.bench.ts)
 */
import { collapseClassic, ipv4Cidr, sortedUniqueAddresses, type Ipv4Cidr } from "../src/index.js";

const RULE: Ipv4Cidr = ipv4Cidr(0x0a000000, 8);
const BUDGET = 59;

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

/** 80% of sources in dense /21 clusters (90% filled), 20% scattered over the /8. */
const observedSources = (count: number): Uint32Array => {
  const next = random(count);
  const sources = new Uint32Array(count);
  const clustered = Math.floor(count * 0.8);
  let written = 0;
  while (written < clustered) {
    const cluster = RULE.base + Math.floor(next() * 2 ** 13) * 2048;
    for (let offset = 0; offset < 2048 && written < clustered; offset += 1) {
      if (next() < 0.9) sources[written++] = cluster + offset;
    }
  }
  while (written < count) {
    sources[written++] = RULE.base + Math.floor(next() * 2 ** 24);
  }
  return sources;
};

const timeMs = (work: () => unknown, sink: unknown[]): number => {
  const start = process.hrtime.bigint();
  sink.push(work());
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const bestOf = (runs: number, work: () => unknown, sink: unknown[]): number =>
  Math.min(...Array.from({ length: runs }, () => timeMs(work, sink)));

const sink: unknown[] = [];
console.log("sources    sort (ms)  collapse (ms)  ratio  escalations  forced merges  blocks");
for (const count of [10_000, 100_000, 1_000_000]) {
  const raw = observedSources(count);
  const sorted = sortedUniqueAddresses(raw);
  const runs = count >= 1_000_000 ? 3 : 7;

  const sortMs = bestOf(runs, () => Uint32Array.from(raw).sort(), sink);
  const evidence = [{ label: "sgr-bench", block: RULE, sources: sorted }];
  const collapseMs = bestOf(runs, () => collapseClassic(evidence, BUDGET, 30), sink);

  const result = collapseClassic(evidence, BUDGET, 30);
  const escalations = result.trace.filter((step) => step.kind === "escalation").length;
  const merges = result.trace.filter((step) => step.kind === "forced-merge").length;
  console.log(
    [
      String(sorted.length).padStart(7),
      sortMs.toFixed(1).padStart(12),
      collapseMs.toFixed(1).padStart(14),
      (collapseMs / sortMs).toFixed(2).padStart(6),
      String(escalations).padStart(12),
      String(merges).padStart(14),
      String(result.blocks[0]!.length).padStart(7),
    ].join(""),
  );
}
console.log(`(sink: ${sink.length} results kept alive)`);
