import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "@sg/aws-adapter";
import { readdirSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { removeTemporaryFolders, temporaryFolder } from "./fixtures/estate-builder.js";

afterAll(removeTemporaryFolders);

/** The bytes on disk in `folder` outside `except`: the temporary file, mid-write. */
const bytesBeside = (folder: string, except: string): number =>
  readdirSync(folder)
    .filter((name) => name !== except)
    .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);

describe("writeFileAtomically", () => {
  it.each([
    ["a new file", undefined],
    ["an existing file", "old text that is longer than the new one"],
  ])("should leave exactly the new text in %s and no temporary file", async (_what, old) => {
    // Arrange
    const folder = await temporaryFolder();
    const path = join(folder, "plan.json");
    if (old !== undefined) await writeFile(path, old);

    // Act
    await writeFileAtomically(path, '{"version":1}\n');

    // Assert
    expect(await readFile(path, "utf8")).toBe('{"version":1}\n');
    expect(await readdir(folder)).toEqual(["plan.json"]);
  });

  it("should remove its temporary file and keep the target when the rename fails", async () => {
    const folder = await temporaryFolder();
    const target = join(folder, "occupied");
    await mkdir(target);
    await writeFile(join(target, "inside"), "x");

    await expect(writeFileAtomically(target, "text")).rejects.toThrow();

    expect(await readdir(folder)).toEqual(["occupied"]);
    expect(await readdir(target)).toEqual(["inside"]);
  });

  it("should fail without leaving anything when the folder does not exist", async () => {
    const folder = await temporaryFolder();

    await expect(writeFileAtomically(join(folder, "absent", "plan.json"), "x")).rejects.toThrow(
      /ENOENT/,
    );

    expect(await readdir(folder)).toEqual([]);
  });

  test.prop(
    [fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.uint8Array()), { maxLength: 30 })],
    { numRuns: 50 },
  )("should write text pieces as UTF-8 and byte pieces as they are, in order", async (pieces) => {
    const path = join(await temporaryFolder(), "approved.json");

    await writeFileAtomically(path, pieces);

    const expected = pieces.map((piece) =>
      typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece),
    );
    expect(await readFile(path)).toEqual(Buffer.concat(expected));
  });

  it("should keep a surrogate pair whole when a batch ends between its halves", async () => {
    const path = join(await temporaryFolder(), "approved.json");
    const pieces = ["x".repeat(300_000) + "\uD83D", "\uDE00 tail"];

    await writeFileAtomically(path, pieces);

    expect(await readFile(path, "utf8")).toBe(pieces.join(""));
  });

  it("should put pieces on disk before the last one is made", async () => {
    const folder = await temporaryFolder();
    const path = join(folder, "approved.json");
    const piece = `${"0123456789".repeat(10)}\n`;
    let bytesBeforeLast = 0;
    function* pieces(): Generator<string> {
      for (let index = 0; index < 50_000; index += 1) yield piece;
      bytesBeforeLast = bytesBeside(folder, "approved.json");
      yield "end\n";
    }

    await writeFileAtomically(path, pieces());

    expect(await readFile(path, "utf8")).toBe(`${piece.repeat(50_000)}end\n`);
    expect(bytesBeforeLast).toBeGreaterThan(0);
  });

  it.each([
    ["a new file", undefined],
    ["an existing file", '{"old":true}\n'],
  ])(
    "should leave %s untouched and no temporary file when the pieces fail midway",
    async (_what, old) => {
      // Arrange
      const folder = await temporaryFolder();
      const path = join(folder, "approved.json");
      if (old !== undefined) await writeFile(path, old);
      function* failing(): Generator<string> {
        for (let index = 0; index < 5_000; index += 1) yield "0123456789".repeat(100);
        throw new Error("evidence source broke");
      }

      // Act
      const written = writeFileAtomically(path, failing());

      // Assert
      await expect(written).rejects.toThrow("evidence source broke");
      expect(await readdir(folder)).toEqual(old === undefined ? [] : ["approved.json"]);
      if (old !== undefined) expect(await readFile(path, "utf8")).toBe(old);
    },
  );
});
