import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { TaskQueue } from "../../src/ingest/internal/task-queue.js";

/** A list of files (paths may repeat), their sizes, and how a run of them unfolds. */
const run = fc
  .array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e"), fc.nat({ max: 100 })), {
    minLength: 1,
    maxLength: 12,
  })
  .chain((files) =>
    fc.tuple(
      fc.constant(files),
      fc.integer({ min: 1, max: 4 }),
      fc.infiniteStream(fc.nat()),
      fc.option(fc.nat({ max: files.length - 1 }), { nil: undefined }),
    ),
  );

interface Trace {
  readonly started: number[];
  readonly violations: string[];
}

/** Plays a run on `workers` workers, finishing files in an arbitrary order. */
const play = (
  paths: readonly string[],
  sizes: readonly number[],
  workers: number,
  picks: Iterator<number>,
  failing: number | undefined,
): Trace => {
  const queue = new TaskQueue(paths, sizes);
  const started: number[] = [];
  const violations: string[] = [];
  const finished = new Set<number>();
  let running: number[] = [];
  let failedAt = Infinity;

  for (let step = 0; step < 200 && !(queue.exhausted && running.length === 0); step += 1) {
    for (let index = queue.take(); index !== undefined; index = queue.take()) {
      if (index > failedAt) violations.push(`started ${index} after ${failedAt} failed`);
      const before = paths.slice(0, index).map((_, i) => i);
      if (paths.indexOf(paths[index]!) < index && before.some((i) => !finished.has(i))) {
        violations.push(`started repeated ${index} before the files ahead of it finished`);
      }
      started.push(index);
      running.push(index);
      if (running.length === workers) break;
    }
    if (running.length === 0) break;

    const done = running[picks.next().value % running.length]!;
    running = running.filter((index) => index !== done);
    finished.add(done);
    if (done === failing) failedAt = Math.min(failedAt, done);
    queue.finish(done, done === failing);
  }
  return { started, violations };
};

describe("TaskQueue", () => {
  test.prop([run])(
    "should start no file early or after a failure",
    ([files, workers, picks, failing]) => {
      const trace = play(
        files.map(([path]) => path),
        files.map(([, size]) => size),
        workers,
        picks,
        failing,
      );

      expect(trace.violations).toEqual([]);
    },
  );

  test.prop([run])(
    "should start every file once when none fails, and every file before a failure",
    ([files, workers, picks, failing]) => {
      const trace = play(
        files.map(([path]) => path),
        files.map(([, size]) => size),
        workers,
        picks,
        failing,
      );

      const due = files
        .map((_, index) => index)
        .filter((index) => failing === undefined || index <= failing);
      expect(due.every((index) => trace.started.filter((i) => i === index).length === 1)).toBe(
        true,
      );
      expect(new Set(trace.started).size).toBe(trace.started.length);
    },
  );
});
