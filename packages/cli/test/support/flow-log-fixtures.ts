import { fc } from "@fast-check/vitest";
import { DEFAULT_LAYOUT } from "@sg/core";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

/** One flow-log file to write: its name, whether to gzip it, and its exact bytes. */
export interface FixtureFile {
  readonly name: string;
  readonly gzip: boolean;
  readonly content: string | Uint8Array;
}

/** Writes `files` into a fresh folder and returns the folder. */
export const writeFixture = (files: readonly FixtureFile[]): string => {
  const dir = mkdtempSync(join(tmpdir(), "sg-fixture-"));
  for (const file of files) {
    const path = join(dir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    const bytes = typeof file.content === "string" ? Buffer.from(file.content) : file.content;
    writeFileSync(path, file.gzip ? gzipSync(bytes) : bytes);
  }
  return dir;
};

/** The default (version 2) format, as a text file's header line names it. */
const V2 = DEFAULT_LAYOUT.fields;
const V5 = [...V2, "vpc-id", "tcp-flags", "type", "pkt-srcaddr", "flow-direction", "traffic-path"];
const SHUFFLED = [
  "dstport",
  "interface-id",
  "action",
  "srcaddr",
  "end",
  "protocol",
  "dstaddr",
  "start",
];

/** Values drawn from small sets, so that tuples repeat across lines, files and workers. */
const TOKENS: Readonly<Record<string, readonly string[]>> = {
  version: ["2", "5"],
  "account-id": ["123456789012"],
  "interface-id": ["eni-0a", "eni-0b", "eni-0c", "eni-é"],
  srcaddr: ["10.0.0.1", "10.0.0.2", "10.0.0.2", "192.168.1.5", "203.0.113.9", "fd00::1"],
  "pkt-srcaddr": ["10.9.9.9"],
  dstaddr: ["10.1.0.1", "10.1.0.2", "10.1.0.2", "2001:db8::2"],
  srcport: ["50000", "50000", "443", "22"],
  dstport: ["443", "22", "50000"],
  protocol: ["6", "6", "17", "1"],
  packets: ["10"],
  bytes: ["1000"],
  start: ["100", "200", "200", "400"],
  end: ["110", "250", "250", "450"],
  action: ["ACCEPT", "ACCEPT", "ACCEPT", "REJECT"],
  "log-status": ["OK", "OK", "OK", "NODATA", "SKIPDATA"],
  "vpc-id": ["vpc-1"],
  "tcp-flags": ["2", "2", "18", "3"],
  type: ["IPv4"],
  "flow-direction": ["ingress", "ingress", "egress"],
  "traffic-path": ["1"],
};

/** A field's token: one of its values, or now and then `-`. */
const tokenOf = (field: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...(TOKENS[field] ?? ["-"])) },
    { weight: field === "pkt-srcaddr" ? 9 : 1, arbitrary: fc.constant("-") },
  );

const GARBAGE = ["x", "-1", "65536", "ACCEPTED", "10.0.0.256", "", "é", "\u00a0"];

/** A record of `fields`, now and then broken: one token replaced by garbage. */
const recordOf = (fields: readonly string[]): fc.Arbitrary<string> => {
  const tokens = fc.tuple(...fields.map(tokenOf));
  const broken = fc
    .tuple(tokens, fc.nat({ max: fields.length }), fc.constantFrom(...GARBAGE))
    .map(([valid, at, token]) => [...valid.slice(0, at), token, ...valid.slice(at + 1)]);
  return fc
    .oneof({ weight: 8, arbitrary: tokens }, { weight: 1, arbitrary: broken })
    .map((line) => line.join(" "));
};

/** A line of a file in `fields`: mostly records, some blank. */
const lineOf = (fields: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: recordOf(fields) },
    { weight: 1, arbitrary: fc.constantFrom("", "  ", "\t", "\u00a0", "\ufeff", "\u2028") },
  );

/** A line dropped in anywhere: a usable header, an unusable one, or a record without one. */
const STRAY = [V5.join(" "), "version srcaddr", "2 garbage"];

/** A file's text: an optional header naming its layout, then lines, `\n` or `\r\n` ended. */
const fileText = fc
  .tuple(fc.constantFrom(V2, V5, SHUFFLED), fc.boolean(), fc.boolean(), fc.boolean())
  .chain(([fields, header, crlf, endsWithNewline]) =>
    fc
      .tuple(
        fc.array(lineOf(header ? fields : V2), { maxLength: 25 }),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...STRAY)) },
        ),
      )
      .map(([lines, stray]) => {
        const all = header ? [fields.join(" "), ...lines] : [...lines];
        if (stray !== null) all.splice(stray[0] % (all.length + 1), 0, stray[1]);
        const text = all.join(crlf ? "\r\n" : "\n");
        return endsWithNewline ? `${text}\n` : text;
      }),
  );

/** A set of one to four files, gzip or plain, and the paths to read them by. */
export const fixtureSet = fc
  .array(fc.tuple(fileText, fc.boolean()), { minLength: 1, maxLength: 4 })
  .chain((texts) => {
    const files = texts.map(([content, gzip], index): FixtureFile => {
      return { name: `f${index}.log${gzip ? ".gz" : ""}`, gzip, content };
    });
    const names = files.map((file) => file.name);
    const paths = fc.oneof(
      fc.constant(["."]),
      fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 5 }),
    );
    return fc.tuple(fc.constant(files), paths);
  });
