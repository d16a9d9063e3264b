/**
 * Throughput of the flow-log record parser against the cheapest possible baseline,
 * `line.split(" ")`, over the same generated lines in the same process.
 *
 * Run: npx tsx packages/core/bench/flowlog.bench.ts
 */
import {
  DEFAULT_LAYOUT,
  parseFlowLogRecord,
  parseLayout,
  type FlowLogLayout,
} from "../src/flowlog/index.js";

const LINES = 1_000_000;
const ROUNDS = 5;

const V5_HEADER =
  "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id " +
  "vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id " +
  "action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service " +
  "traffic-path flow-direction log-status";

/** A deterministic generator, so every run measures the same lines. */
const generator = (seed: number): ((bound: number) => number) => {
  let state = seed >>> 0;
  return (bound) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % bound;
  };
};

const next = generator(20_240_601);
const privateAddress = (): string => `10.${next(256)}.${next(256)}.${1 + next(254)}`;
const anyPort = (): number => next(65_536);
const action = (): string => (next(10) === 0 ? "REJECT" : "ACCEPT");

const v2Line = (): string =>
  `2 123456789012 eni-0a1b2c3d4e5f${next(1_000_000)} ${privateAddress()} ${privateAddress()} ` +
  `${anyPort()} ${next(1024)} 6 ${1 + next(500)} ${40 + next(1_000_000)} ` +
  `${1_700_000_000 + next(86_400)} ${1_700_000_060 + next(86_400)} ${action()} OK`;

const v5Line = (): string => {
  const source = privateAddress();
  const destination = privateAddress();
  const start = 1_700_000_000 + next(86_400);
  return (
    `5 ${source} ${destination} ${anyPort()} ${next(1024)} 6 ${start} ${start + 60} IPv4 ` +
    `${1 + next(500)} ${40 + next(1_000_000)} 123456789012 vpc-0abcdef0123456789 ` +
    `subnet-0123456789abcdef0 i-0c50d5961bcb2d47b eni-0a1b2c3d4e5f${next(1_000_000)} ` +
    `eu-west-1 euw1-az2 - - ${action()} ${[2, 18, 3, 19, 1][next(5)]} ${source} ` +
    `${destination} - - ${next(2) === 0 ? "-" : "1"} ${next(2) === 0 ? "ingress" : "egress"} OK`
  );
};

/** Keeps every result alive so the engine cannot drop the measured work. */
let sink = 0;
let malformed = 0;

const timeSplit = (lines: readonly string[]): number => {
  const began = performance.now();
  for (const line of lines) sink += line.split(" ").length;
  return performance.now() - began;
};

const timeParse = (lines: readonly string[], layout: FlowLogLayout): number => {
  const began = performance.now();
  for (const line of lines) {
    const parsed = parseFlowLogRecord(line, layout);
    if (parsed.ok) sink += parsed.value.dstport ?? 0;
    else malformed += 1;
  }
  return performance.now() - began;
};

const perSecond = (milliseconds: number): string =>
  `${(((LINES / milliseconds) * 1000) / 1e6).toFixed(2)}M lines/s`;

/** Alternates the two measurements so that both see the same machine load; keeps the best. */
const report = (name: string, lines: readonly string[], layout: FlowLogLayout): void => {
  let split = Infinity;
  let parse = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    split = Math.min(split, timeSplit(lines));
    parse = Math.min(parse, timeParse(lines, layout));
  }

  console.log(
    `${name}: parse ${perSecond(parse)}, split(" ") ${perSecond(split)}, ` +
      `parse takes ${(parse / split).toFixed(2)}x the split baseline`,
  );
};

const v5Layout = parseLayout(V5_HEADER);
if (!v5Layout.ok) throw new Error(v5Layout.error.reason);

console.log(`${LINES.toLocaleString("en")} lines per set, best of ${ROUNDS} rounds`);
report("v2 default layout (14 fields)", Array.from({ length: LINES }, v2Line), DEFAULT_LAYOUT);
report("v5 custom layout (29 fields)", Array.from({ length: LINES }, v5Line), v5Layout.value);
console.log(`sink ${sink}, malformed lines ${malformed}`);
