import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { LocalFileError, readJsonFile } from "@sg/aws-adapter";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { removeTemporaryFolders, temporaryFolder } from "./fixtures/estate-builder.js";
import { jsonTexts } from "./fixtures/json-texts.js";

afterAll(removeTemporaryFolders);

const fileWith = async (text: string): Promise<string> => {
  const path = join(await temporaryFolder(), "artefact.json");
  await writeFile(path, text);
  return path;
};

/** Every file counts as large, so it is parsed from its bytes. */
const FROM_BYTES = { largeFileBytes: 0 };

const failureOf = async (read: Promise<unknown>): Promise<LocalFileError> => {
  const error: unknown = await read.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(LocalFileError);
  return error as LocalFileError;
};

/** The value read, or the error thrown. */
const outcomeOf = (read: Promise<unknown>): Promise<unknown> =>
  read.catch((thrown: unknown) => thrown);

/** The ` line L column C: ` part of an invalid-JSON message, if it has one. */
const placeIn = (message: string): string | undefined =>
  / line \d+ column \d+: /.exec(message)?.[0];

describe("readJsonFile", () => {
  it.each([
    ['{"a": [1, 2]}', { a: [1, 2] }],
    ['\uFEFF{"a": 1}', { a: 1 }],
    ["  [] \n", []],
  ])("should parse %j", async (text, expected) => {
    const path = await fileWith(text);

    expect(await readJsonFile(path)).toEqual(expected);
    expect(await readJsonFile(path, FROM_BYTES)).toEqual(expected);
  });

  it.each([
    ["", "empty", "is empty, expected a JSON document"],
    [" \n\t", "empty", "is empty, expected a JSON document"],
    ['{\n  "a": 1,\n  b }', "invalid-json", "line 3 column 3: "],
    ['{\n  "a": [1,', "invalid-json", "line 2 column 11: Unexpected end of JSON input"],
  ])("should reject %j as %s, naming the file and where", async (text, problem, message) => {
    const path = await fileWith(text);

    for (const options of [{}, FROM_BYTES]) {
      const error = await failureOf(readJsonFile(path, options));

      expect(error.problem).toBe(problem);
      expect(error.message).toContain(`${path} ${message}`);
    }
  });

  it.each(["\u00a0", "\u2028", "\uFEFF\uFEFF"])(
    "should call %j invalid JSON, not empty, from a string as from bytes",
    async (text) => {
      const path = await fileWith(text);

      for (const options of [{}, FROM_BYTES]) {
        expect((await failureOf(readJsonFile(path, options))).problem).toBe("invalid-json");
      }
    },
  );

  it("should name a missing file", async () => {
    const path = join(await temporaryFolder(), "absent.json");

    await expect(readJsonFile(path)).rejects.toThrow(`${path} does not exist`);
    await expect(readJsonFile(path, FROM_BYTES)).rejects.toThrow(`${path} does not exist`);
  });

  it("should parse from bytes only a file longer than the threshold", async () => {
    const text = '{"a": 01}';
    const path = await fileWith(text);

    const asString = await failureOf(readJsonFile(path, { largeFileBytes: text.length }));
    const fromBytes = await failureOf(readJsonFile(path, { largeFileBytes: text.length - 1 }));

    expect(asString.message).toBe(
      `${path} line 1 column 8: Unexpected number in JSON at position 7`,
    );
    expect(fromBytes.message).toBe(`${path} line 1 column 8: Unexpected number in JSON`);
  });

  it("should count columns in characters past multi-byte ones, as JSON.parse does", async () => {
    const path = await fileWith('[\n  "é😀∑", 01]');

    const asString = await failureOf(readJsonFile(path));
    const fromBytes = await failureOf(readJsonFile(path, FROM_BYTES));

    expect(placeIn(fromBytes.message)).toBe(" line 2 column 12: ");
    expect(placeIn(asString.message)).toBe(placeIn(fromBytes.message));
  });

  test.prop([jsonTexts, fc.boolean()], { numRuns: 40 })(
    "should read any document from bytes as from one string",
    async (text, byteOrderMark) => {
      const path = await fileWith(`${byteOrderMark ? "\uFEFF" : ""}${text}`);

      expect(await readJsonFile(path, FROM_BYTES)).toStrictEqual(await readJsonFile(path));
    },
  );

  test.prop([jsonTexts, fc.nat(), fc.constantFrom(...'{}[]:,"\\ -.0x\n')], { numRuns: 40 })(
    "should name the same line and column as the string path for a damaged document",
    async (text, at, inserted) => {
      const characters = Array.from(text);
      const place = at % (characters.length + 1);
      const damaged = [...characters.slice(0, place), inserted, ...characters.slice(place)];
      const path = await fileWith(damaged.join(""));

      const asString = await outcomeOf(readJsonFile(path));
      const fromBytes = await outcomeOf(readJsonFile(path, FROM_BYTES));

      if (!(asString instanceof LocalFileError)) {
        expect(fromBytes).toStrictEqual(asString);
        return;
      }
      expect(fromBytes).toBeInstanceOf(LocalFileError);
      expect((fromBytes as LocalFileError).problem).toBe(asString.problem);
      const where = placeIn(asString.message);
      if (where !== undefined) expect(placeIn((fromBytes as LocalFileError).message)).toBe(where);
    },
  );
});
