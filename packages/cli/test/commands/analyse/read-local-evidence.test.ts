import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { DEMO_NOW, generateDemoFlowLogs } from "../../../../../examples/demo/demo-flow-logs.js";
import { fastReading, textReading } from "../../support/both-readings.js";
import { fixtureSet, writeFixture, type FixtureFile } from "../../support/flow-log-fixtures.js";
import { buildSourceWorker } from "../../support/source-worker.js";

const DAY = 86_400;

describe("readLocalEvidence on the demo flow logs", () => {
  let logs: string;
  let worker: URL;

  beforeAll(async () => {
    logs = join(mkdtempSync(join(tmpdir(), "sg-ingest-")), "logs");
    generateDemoFlowLogs(logs);
    worker = await buildSourceWorker();
  });

  it.each([
    ["one worker", 1],
    ["two workers", 2],
    ["more workers than files", 40],
  ])("should read exactly what the text path reads, with %s", async (_, workers) => {
    const window = { from: DEMO_NOW - 90 * DAY, to: DEMO_NOW };

    const fast = await fastReading([logs], window, workers, worker);

    expect(fast).toStrictEqual(await textReading([logs], window));
  });
});

describe("readLocalEvidence on generated files", () => {
  let worker: URL;

  beforeAll(async () => {
    worker = await buildSourceWorker();
  });

  test.prop([fixtureSet, fc.constantFrom(1, 2, 3)], { numRuns: 25 })(
    "should read exactly what the text path reads, errors included",
    async ([files, names], workers) => {
      const dir = writeFixture(files);
      const paths = names.map((name) => join(dir, name));
      const window = { from: 120, to: 320 };

      const fast = await fastReading(paths, window, workers, worker);

      expect(fast).toStrictEqual(await textReading(paths, window));
    },
  );
});

const HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes " +
  "start end action log-status";
const V5_HEADER = `${HEADER} tcp-flags pkt-srcaddr flow-direction`;
const record = (nic: string, source: string, start: number): string =>
  `2 123456789012 ${nic} ${source} 10.1.0.1 50000 443 6 10 1000 ${start} ${start + 50} ACCEPT OK`;
const v5Record = (source: string, flags: number): string =>
  `5 123456789012 eni-0a ${source} 10.1.0.2 40000 22 6 10 1000 200 250 ACCEPT OK ` +
  `${flags} - ingress`;

const spreadRecord = (index: number, start: number): string =>
  record(`eni-0${index % 3}`, `10.0.0.${index % 5}`, start);
/** SYN on even lines, SYN-ACK on odd ones. */
const flagsOf = (index: number): number => (index % 2 === 0 ? 2 : 18);

/** Bytes of a gzip stream cut short, as an interrupted download leaves it. */
const truncatedGzip = (text: string): Uint8Array => {
  const whole = gzipSync(text);
  return whole.subarray(0, whole.length - 12);
};

const many = (count: number, line: (index: number) => string): string =>
  Array.from({ length: count }, (_, index) => line(index)).join("\n");

const EDGE_CASES: readonly [string, readonly FixtureFile[], readonly string[]][] = [
  [
    "the same tuples spread over many files, gzip and plain",
    Array.from({ length: 6 }, (_, index) => ({
      name: `f${index}.log${index % 2 === 0 ? ".gz" : ""}`,
      gzip: index % 2 === 0,
      content: `${HEADER}\n${many(40, (i) => spreadRecord(i, 150 + index))}\n`,
    })),
    ["."],
  ],
  [
    "lines cut by read and inflate chunks, and one without a line feed",
    [
      {
        name: "big.log",
        gzip: false,
        content: many(30_000, (i) => record("eni-0a", `10.0.${i % 7}.1`, 150 + (i % 90))),
      },
      {
        name: "big.log.gz",
        gzip: true,
        content: `${V5_HEADER}\n${many(30_000, (i) => v5Record(`10.2.0.${i % 9}`, flagsOf(i)))}`,
      },
    ],
    ["."],
  ],
  [
    "a byte-order mark, CRLF ends, Unicode spaces and invalid UTF-8 in an interface id",
    [
      {
        name: "a.log",
        gzip: false,
        content: `\ufeff${HEADER}\r\n${record("eni-0a", "10.0.0.1", 200)}\r\n\u00a0\r\n`,
      },
      {
        name: "b.log",
        gzip: false,
        content: Buffer.concat([
          Buffer.from(`${HEADER}\n2 123456789012 eni-`),
          Buffer.from([0xe2, 0x82]),
          Buffer.from(" 10.0.0.1 10.1.0.1 50000 443 6 10 1000 200 250 ACCEPT OK\n"),
        ]),
      },
    ],
    ["."],
  ],
  [
    "a header half-way through a file that is read twice in a row",
    [
      {
        name: "a.log",
        gzip: false,
        content: `${v5Record("10.0.0.1", 2)}\n${V5_HEADER}\n${v5Record("10.0.0.2", 2)}\n`,
      },
    ],
    ["a.log", "a.log"],
  ],
  [
    "a file read again after an empty one",
    [
      {
        name: "a.log",
        gzip: false,
        content: `${v5Record("10.0.0.1", 2)}\n${V5_HEADER}\n${v5Record("10.0.0.2", 2)}\n`,
      },
      { name: "empty.log", gzip: false, content: "\n \n" },
    ],
    ["a.log", "empty.log", "a.log"],
  ],
  [
    "a header naming fields AWS added after this release",
    [
      {
        name: "a.log",
        gzip: false,
        content:
          `resource-id ${V5_HEADER} next-hop-type\n` +
          many(50, (i) => `vpc-0${i % 3} ${v5Record(`10.0.0.${i % 4}`, flagsOf(i))} -`),
      },
    ],
    ["."],
  ],
  [
    "an unusable header on a CRLF line",
    [
      {
        name: "a.log",
        gzip: false,
        content: `version srcaddr\r\n${record("eni-0a", "10.0.0.1", 200)}\r\n`,
      },
    ],
    ["."],
  ],
  [
    "a file whose first field is not a number and whose first line is no header",
    [{ name: "a.log", gzip: false, content: `10.0.0.1 ${record("eni-0a", "10.0.0.1", 200)}\n` }],
    ["."],
  ],
  [
    "a damaged gzip file after a good one",
    [
      { name: "a.log", gzip: false, content: `${record("eni-0a", "10.0.0.1", 200)}\n` },
      {
        name: "b.log.gz",
        gzip: false,
        content: truncatedGzip(many(5000, (i) => record("eni-0b", `10.0.0.${i % 200}`, 200))),
      },
    ],
    ["."],
  ],
  [
    "a missing path after a file with an unusable header",
    [
      {
        name: "a.log",
        gzip: false,
        content: `version srcaddr\n${record("eni-0a", "10.0.0.1", 200)}\n`,
      },
    ],
    ["a.log", "missing.log"],
  ],
  [
    "a missing path after a good file",
    [{ name: "a.log", gzip: false, content: `${record("eni-0a", "10.0.0.1", 200)}\n` }],
    ["a.log", "missing.log"],
  ],
];

describe("readLocalEvidence on edge cases", () => {
  let worker: URL;

  beforeAll(async () => {
    worker = await buildSourceWorker();
  });

  it.each(EDGE_CASES)("should read %s exactly as the text path does", async (_, files, names) => {
    const dir = writeFixture(files);
    const paths = names.map((name) => join(dir, name));
    const window = { from: 120, to: 320 };

    const fast = await fastReading(paths, window, 3, worker);

    expect(fast).toStrictEqual(await textReading(paths, window));
  });
});
