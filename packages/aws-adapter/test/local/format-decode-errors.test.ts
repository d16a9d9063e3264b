import { describe, expect, it } from "vitest";
import { formatDecodeErrors } from "@sg/aws-adapter";
import { isLeft } from "fp-ts/lib/Either.js";
import * as t from "io-ts";

const item = t.intersection(
  [t.type({ Port: t.number }, "Item"), t.partial({ Name: t.string }, "Item")],
  "Item",
);
const file = t.type(
  { Items: t.array(item, "array of Item"), Lookup: t.record(t.string, t.number) },
  "File",
);

const linesFor = (value: unknown): string[] => {
  const decoded = file.decode(value);
  return isLeft(decoded) ? formatDecodeErrors("file.json", decoded.left) : [];
};

describe("formatDecodeErrors", () => {
  it("should give the result its documentation shows", () => {
    const example = t.type({ Items: t.array(t.type({ Port: t.number })) });

    const decoded = example.decode({ Items: [{ Port: 1 }, { Port: "443" }] });

    expect(isLeft(decoded) && formatDecodeErrors("file.json", decoded.left)).toEqual([
      'file.json: Items[1].Port: expected number, got "443"',
    ]);
  });

  it.each([
    [
      { Items: [{ Port: 1 }, { Port: "443" }], Lookup: {} },
      ['file.json: Items[1].Port: expected number, got "443"'],
    ],
    [
      { Items: [{ Port: 1, Name: 7 }], Lookup: {} },
      ["file.json: Items[0].Name: expected string, got 7"],
    ],
    [{ Items: [], Lookup: { a: "x" } }, ['file.json: Lookup.a: expected number, got "x"']],
    [{ Items: "none", Lookup: {} }, ['file.json: Items: expected array of Item, got "none"']],
    [{ Items: [null], Lookup: {} }, ["file.json: Items[0]: expected Item, got null"]],
    [{ Lookup: {} }, ["file.json: Items: expected array of Item, got nothing"]],
    [[], ["file.json: expected File, got []"]],
  ])("should render %j with the path inside the file", (value, expected) => {
    expect(linesFor(value)).toEqual(expected);
  });

  it("should shorten a long value", () => {
    const [line] = linesFor({ Items: [{ Port: "x".repeat(200) }], Lookup: {} });

    expect(line).toBe(`file.json: Items[0].Port: expected number, got "${"x".repeat(58)}…`);
  });
});
