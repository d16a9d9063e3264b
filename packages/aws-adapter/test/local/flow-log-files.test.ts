import { afterAll, describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { FlowLogFiles, LocalFileError } from "@sg/aws-adapter";
import { stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { removeTemporaryFolders, temporaryFolder } from "./fixtures/estate-builder.js";
import { collect, HEADER, RECORD, tree } from "./fixtures/flow-log-tree.js";

afterAll(removeTemporaryFolders);

const failureOf = (source: FlowLogFiles): Promise<unknown> =>
  collect(source).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );

const lineText = fc.stringMatching(/^[ -~]{1,40}$/).filter((text) => text.trim().length > 0);

describe("FlowLogFiles.lines", () => {
  test.prop([fc.array(lineText, { maxLength: 50 }), fc.boolean()], { numRuns: 30 })(
    "should yield the same lines from a gzip file as from its plain text",
    async (texts, finalNewline) => {
      // Arrange
      const text = texts.join("\n") + (finalNewline ? "\n" : "");
      const folder = await tree({ "plain.log": text, "packed.log": { gzip: text } });

      // Act
      const plain = await collect(new FlowLogFiles([join(folder, "plain.log")]));
      const packed = await collect(new FlowLogFiles([join(folder, "packed.log")]));

      // Assert
      expect(packed.map((line) => [line.lineNumber, line.text])).toEqual(
        plain.map((line) => [line.lineNumber, line.text]),
      );
      expect(plain.map((line) => line.text)).toEqual(texts);
    },
  );

  it("should flag only a first line that names fields as a header", async () => {
    const folder = await tree({
      "a.log": `${HEADER}\n${RECORD}\n`,
      "b.log": `${RECORD}\nversion srcaddr\n`,
    });

    const lines = await collect(new FlowLogFiles([folder]));

    expect(
      lines.map((line) => [relative(folder, line.location), line.lineNumber, line.header]),
    ).toEqual([
      ["a.log", 1, true],
      ["a.log", 2, false],
      ["b.log", 1, false],
      ["b.log", 2, false],
    ]);
  });

  it("should strip carriage returns and skip blank lines, keeping line numbers", async () => {
    const folder = await tree({ "crlf.log": `${HEADER}\r\n\r\n${RECORD}\r\n` });

    const lines = await collect(new FlowLogFiles([folder]));

    expect(lines.map((line) => [line.lineNumber, line.text])).toEqual([
      [1, HEADER],
      [3, RECORD],
    ]);
  });

  it("should walk folders depth first in code-unit order, skipping hidden entries", async () => {
    const folder = await tree({
      "b/2.log": RECORD,
      "a/9.log": RECORD,
      "a/10.log.gz": { gzip: RECORD },
      "a/.partial.log": RECORD,
      ".cache/x.log": RECORD,
      "C.log": RECORD,
      "c.log": RECORD,
    });

    const lines = await collect(new FlowLogFiles([folder]));

    expect(lines.map((line) => relative(folder, line.location))).toEqual([
      "C.log",
      join("a", "10.log.gz"),
      join("a", "9.log"),
      join("b", "2.log"),
      "c.log",
    ]);
  });

  it("should read the given paths in the order given", async () => {
    const folder = await tree({ "x/1.log": RECORD, "y/1.log": RECORD });

    const lines = await collect(new FlowLogFiles([join(folder, "y"), join(folder, "x", "1.log")]));

    expect(lines.map((line) => relative(folder, line.location))).toEqual([
      join("y", "1.log"),
      join("x", "1.log"),
    ]);
  });

  it("should name a gzip file that was cut short", async () => {
    const whole = gzipSync(`${HEADER}\n${RECORD}\n`.repeat(2000));
    const folder = await tree({});
    const path = join(folder, "cut.log.gz");
    await writeFile(path, whole.subarray(0, whole.length - 40));

    const error = await failureOf(new FlowLogFiles([path]));

    expect(error).toBeInstanceOf(LocalFileError);
    expect((error as LocalFileError).message).toBe(
      `${path} is not a complete gzip stream: unexpected end of file`,
    );
  });

  it("should name a gzip file whose data is corrupt", async () => {
    const folder = await tree({});
    const path = join(folder, "bad.log");
    await writeFile(
      path,
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0, 0, 0xff, 0xff, 0xff]),
    );

    const error = await failureOf(new FlowLogFiles([path]));

    expect((error as LocalFileError).message).toMatch(
      new RegExp(`^${path} is not a complete gzip stream: `),
    );
  });

  it("should name a path that does not exist", async () => {
    const path = join(await temporaryFolder(), "absent");

    const error = await failureOf(new FlowLogFiles([path]));

    expect((error as LocalFileError).message).toBe(`flow-log path ${path} does not exist`);
  });
});

describe("FlowLogFiles.stats and describe", () => {
  it("should count the files and the bytes read from disk", async () => {
    const folder = await tree({
      "a.log": `${HEADER}\n${RECORD}\n`,
      "b.log.gz": { gzip: RECORD.repeat(50) },
    });
    const source = new FlowLogFiles([folder]);
    const sizes = await Promise.all(["a.log", "b.log.gz"].map((name) => stat(join(folder, name))));

    await collect(source);

    expect(source.stats()).toEqual({
      files: 2,
      bytes: sizes.reduce((total, size) => total + size.size, 0),
      skippedFiles: 0,
      skippedFolders: 0,
    });
  });

  it.each([
    [undefined, "flow-log files under logs, more.log.gz"],
    [
      { from: 1714867200, to: 1714953599 },
      "flow-log files delivered from 2024-05-05 to 2024-05-05 ±1 day under logs, more.log.gz",
    ],
  ])("should describe the paths and window %j", (window, expected) => {
    const source = new FlowLogFiles(
      ["logs", "more.log.gz"],
      window === undefined ? {} : { window },
    );

    expect(source.describe()).toBe(expected);
  });
});
