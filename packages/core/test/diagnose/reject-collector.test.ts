import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  RejectCollector,
  isBlockedAttempt,
  type FlowLogRecord,
  type RejectedAttempt,
  type TimeWindow,
} from "@sg/core";

const v4 = (value: number) => ({ family: "ipv4" as const, value });

/** Complete records on two interfaces: rejects and accepts, attempts and reply legs. */
const record: fc.Arbitrary<FlowLogRecord> = fc
  .record({
    action: fc.constantFrom("ACCEPT" as const, "REJECT" as const, "REJECT" as const),
    interface: fc.constantFrom("eni-a", "eni-b"),
    source: fc.integer({ min: 0x0a000001, max: 0x0a000006 }),
    reply: fc.boolean(),
    tcpFlags: fc.constantFrom(undefined, 1, 2, 3, 18),
    start: fc.integer({ min: 0, max: 10_000 }),
    length: fc.nat({ max: 600 }),
    pkt: fc.boolean(),
  })
  .map((r): FlowLogRecord => ({
    action: r.action,
    logStatus: "OK",
    interfaceId: r.interface,
    protocol: 6,
    srcaddr: v4(r.reply ? 0x0a630001 : r.source),
    dstaddr: v4(r.reply ? r.source : 0x0a630001),
    ...(r.pkt && !r.reply ? { pktSrcaddr: v4(r.source + 100) } : {}),
    srcport: r.reply ? 443 : 40000,
    dstport: r.reply ? 40000 : 443,
    ...(r.tcpFlags === undefined ? {} : { tcpFlags: r.tcpFlags }),
    start: r.start,
    end: r.start + r.length,
  }));

const window: fc.Arbitrary<TimeWindow> = fc
  .tuple(fc.integer({ min: 0, max: 10_600 }), fc.integer({ min: 0, max: 10_600 }))
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

/** The test's own aggregation: one attempt per tuple over the blocked records in the window. */
const bruteForce = (records: readonly FlowLogRecord[], w: TimeWindow): RejectedAttempt[] => {
  const byKey = new Map<string, RejectedAttempt>();
  for (const r of records) {
    if (!isBlockedAttempt(r) || r.end! < w.from || r.start! > w.to) continue;
    const source = (r.pktSrcaddr ?? r.srcaddr)!.value as number;
    const key = `${r.interfaceId}|${r.dstaddr!.value}|${r.dstport}|${source}`;
    const held = byKey.get(key);
    byKey.set(key, {
      interfaceId: r.interfaceId!,
      destination: r.dstaddr!.value as number,
      protocol: 6,
      port: r.dstport!,
      source,
      firstSeen: Math.min(held?.firstSeen ?? Infinity, r.start!),
      lastSeen: Math.max(held?.lastSeen ?? -Infinity, r.end!),
      count: (held?.count ?? 0) + 1,
    });
  }
  return [...byKey.values()];
};

const collect = (records: readonly FlowLogRecord[], collector: RejectCollector) => {
  for (const r of records) collector.add(r);
  return collector;
};

const sameAttempts = (a: readonly RejectedAttempt[], b: readonly RejectedAttempt[]) => {
  const key = (x: RejectedAttempt) => `${x.interfaceId}|${x.destination}|${x.port}|${x.source}`;
  expect([...a].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
    [...b].sort((x, y) => key(x).localeCompare(key(y))),
  );
};

describe("RejectCollector", () => {
  test.prop([fc.array(record, { maxLength: 60 }), window])(
    "should gather exactly the blocked attempts overlapping a fixed window",
    (records, w) => {
      const collector = collect(records, new RejectCollector({ kind: "fixed", window: w }));

      sameAttempts(collector.attempts(), bruteForce(records, w));
    },
  );

  test.prop([fc.array(record, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4000 })])(
    "should end a trailing window at the newest record, however the records are ordered",
    (records, seconds) => {
      const newest = Math.max(...records.map((r) => r.end!));
      const fixed = { from: newest - seconds, to: newest };

      const collector = collect(records, new RejectCollector({ kind: "trailing", seconds }));

      expect(collector.window()).toEqual(fixed);
      sameAttempts(collector.attempts(), bruteForce(records, fixed));
    },
  );

  test.prop([fc.array(record, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 900 })])(
    "should prune nothing that belongs in a trailing window when records arrive in time order",
    (records, seconds) => {
      const ordered = [...records].sort((a, b) => a.end! - b.end!);
      const newest = ordered[ordered.length - 1]!.end!;

      const collector = collect(ordered, new RejectCollector({ kind: "trailing", seconds }));

      sameAttempts(
        collector.attempts(),
        bruteForce(ordered, { from: newest - seconds, to: newest }),
      );
    },
  );

  test.prop([fc.array(record, { maxLength: 60 }), window])(
    "should account for every record exactly once",
    (records, w) => {
      const collector = collect(records, new RejectCollector({ kind: "fixed", window: w }));

      const skipped = [...collector.skips().values()].reduce((sum, n) => sum + n, 0);
      const counted = collector.attempts().reduce((sum, a) => sum + a.count, 0);
      expect(skipped + counted).toBe(records.length);
    },
  );

  it("should have no window before a trailing collector reads a record", () => {
    const collector = new RejectCollector({ kind: "trailing", seconds: 60 });

    expect(collector.window()).toBeUndefined();
    expect(collector.attempts()).toEqual([]);
  });
});
