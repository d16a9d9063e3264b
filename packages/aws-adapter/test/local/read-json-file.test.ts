import { afterAll, describe, expect, it } from "vitest";
import { LocalFileError, readJsonFile } from "@sg/aws-adapter";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { removeTemporaryFolders, temporaryFolder } from "./fixtures/estate-builder.js";

afterAll(removeTemporaryFolders);

const fileWith = async (text: string): Promise<string> => {
  const path = join(await temporaryFolder(), "artefact.json");
  await writeFile(path, text);
  return path;
};

describe("readJsonFile", () => {
  it.each([
    ['{"a": [1, 2]}', { a: [1, 2] }],
    ['\uFEFF{"a": 1}', { a: 1 }],
    ["  [] \n", []],
  ])("should parse %j", async (text, expected) => {
    const path = await fileWith(text);

    expect(await readJsonFile(path)).toEqual(expected);
  });

  it.each([
    ["", "empty", "is empty, expected a JSON document"],
    [" \n\t", "empty", "is empty, expected a JSON document"],
    ['{\n  "a": 1,\n  b }', "invalid-json", "line 3 column 3: "],
    ['{\n  "a": [1,', "invalid-json", "line 2 column 11: Unexpected end of JSON input"],
  ])("should reject %j as %s, naming the file and where", async (text, problem, message) => {
    const path = await fileWith(text);

    const error: unknown = await readJsonFile(path).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(LocalFileError);
    expect((error as LocalFileError).problem).toBe(problem);
    expect((error as LocalFileError).message).toContain(`${path} ${message}`);
  });

  it("should name a missing file", async () => {
    const path = join(await temporaryFolder(), "absent.json");

    await expect(readJsonFile(path)).rejects.toThrow(`${path} does not exist`);
  });
});
