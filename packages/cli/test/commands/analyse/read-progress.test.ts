import { describe, expect, it } from "vitest";
import type { ConsoleIo } from "../../../src/cli/console-io.js";
import { readProgress } from "../../../src/commands/analyse/read-progress.js";

/** A console whose clock a test advances, keeping every status line drawn. */
const consoleAt = (start: number) => {
  const drawn: string[] = [];
  let now = start;
  const io: ConsoleIo = {
    out: () => undefined,
    err: () => undefined,
    interactive: true,
    colour: false,
    status: (line) => drawn.push(line),
    now: () => new Date(now),
    env: {},
  };
  return { io, drawn, advance: (ms: number) => (now += ms) };
};

describe("readProgress", () => {
  it("should draw units done, bytes, records and the rate since the read began", () => {
    const { io, drawn, advance } = consoleAt(1_000_000);
    const progress = readProgress(io);

    advance(2000);
    progress.live({ unit: "objects", done: 3, known: 30, bytes: 3 * 1024 * 1024, lines: 5000 });
    advance(2000);
    progress.records(200_000);

    expect(drawn).toEqual([
      "analyse: 3/30 objects, 3.0 MiB, 5,000 records, 2,500 records/s",
      "analyse: 3/30 objects, 3.0 MiB, 200,000 records, 50,000 records/s",
    ]);
  });

  it("should draw records and rate alone for files on disk", () => {
    const { io, drawn, advance } = consoleAt(0);
    const progress = readProgress(io);

    advance(4000);
    progress.records(200_000);

    expect(drawn).toEqual(["analyse: 200,000 records, 50,000 records/s"]);
  });
});
