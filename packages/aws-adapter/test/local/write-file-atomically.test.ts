import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "@sg/aws-adapter";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { removeTemporaryFolders, temporaryFolder } from "./fixtures/estate-builder.js";

afterAll(removeTemporaryFolders);

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
});
