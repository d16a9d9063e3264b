import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { JsonBytesParser } from "../../../src/local/internal/parse-json-bytes.js";
import { JsonSyntaxError } from "../../../src/local/internal/json-syntax-error.js";
import { jsonTexts, jsonValues, spelledJson } from "../fixtures/json-texts.js";

/** Parses `text` written in chunks cut at `cuts` (any order, any repeats). */
const parseInChunks = (text: string, cuts: readonly number[] = []): unknown => {
  const bytes = Buffer.from(text);
  const ends = [...cuts.map((cut) => cut % (bytes.length + 1)), bytes.length];
  const parser = new JsonBytesParser();

  let from = 0;
  for (const end of ends.sort((a, b) => a - b)) {
    parser.write(bytes.subarray(from, end));
    from = end;
  }
  return parser.end();
};

/** Equal as `JSON.parse` values are: same types, `-0` apart from `0`, same key order. */
const expectSameValue = (actual: unknown, expected: unknown): void => {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
};

/** The error `parse` threw, or a failure if it returned. */
const syntaxErrorOf = (parse: () => unknown): JsonSyntaxError => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError);
    return error as JsonSyntaxError;
  }
  throw new Error("expected a JsonSyntaxError, but the text parsed");
};

interface V8Failure {
  readonly message: string;
  /** The byte offset `JSON.parse` names, when its message names one. */
  readonly offset?: number;
  readonly endOfInput: boolean;
}

/** What `JSON.parse` makes of `text`: its value, or where it says the text goes wrong. */
const jsonParseOutcome = (text: string): { value: unknown } | { failure: V8Failure } => {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const endOfInput = /end of JSON input/.test(message);
    const upTo = endOfInput ? text.trimEnd() : text.slice(0, Number(position));
    const named = endOfInput || position !== undefined;
    return {
      failure: { message, endOfInput, ...(named ? { offset: Buffer.byteLength(upTo) } : {}) },
    };
  }
};

const v8Failure = (text: string): V8Failure => {
  const outcome = jsonParseOutcome(text);
  if ("failure" in outcome) return outcome.failure;
  throw new Error(`JSON.parse accepted ${JSON.stringify(text)}`);
};

/** The same place and wording as `JSON.parse`, wherever its message names a place. */
const expectSamePlace = (error: JsonSyntaxError, v8: V8Failure): void => {
  if (v8.offset === undefined) return;

  expect(error.offset).toBe(v8.offset);
  expect(error.endOfInput).toBe(v8.endOfInput);
  expect(v8.message.startsWith(error.reason)).toBe(true);
};

describe("JsonBytesParser", () => {
  test.prop([jsonTexts])("should give what JSON.parse gives for any JSON text", (text) => {
    expectSameValue(parseInChunks(text), JSON.parse(text));
  });

  test.prop([jsonTexts, fc.array(fc.nat(), { maxLength: 12 })])(
    "should give the same value wherever the chunks are cut",
    (text, cuts) => {
      expectSameValue(parseInChunks(text, cuts), JSON.parse(text));
    },
  );

  test.prop([jsonValues.chain(spelledJson)])(
    "should parse a text cut into one-byte chunks",
    (text) => {
      const everyByte = Array.from({ length: Buffer.byteLength(text) }, (_, i) => i);

      expectSameValue(parseInChunks(text, everyByte), JSON.parse(text));
    },
  );

  it.each([
    ['"\\ud800"', "a lone high surrogate"],
    ['"\\udc00\\ud800"', "surrogates in the wrong order"],
    ['"\\uD83D\\uDE00 \\ud83d\\ude00"', "escaped pairs in either case"],
    ['"😀 é ü ∑"', "raw multi-byte characters"],
    ['"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001F\\u007f"', "every one-letter escape"],
    ['"\u007f"', "a raw DEL, which is not a control character in JSON"],
    ["-0", "minus zero"],
    ["[-0.0e-0, 0e0, 1E+2, 1e-400, 1e400, 123456789012345678901234567890]", "numbers"],
    ["[9007199254740993, 0.1, 5e-324, 1.7976931348623157e308]", "rounding edges"],
    ['{"a": 1, "b": 2, "a": 3}', "a repeated key, last value in the first place"],
    ['{"2": "two", "b": 0, "1": "one"}', "integer-like keys, which objects order first"],
    ['{"__proto__": {"polluted": true}, "x": 1}', "a __proto__ key, kept as an own key"],
    [" \t\r\n[ true , false , null ] \n", "literals and all four whitespace bytes"],
  ])("should parse %s (%s) as JSON.parse does", (text) => {
    const value = parseInChunks(text);

    expectSameValue(value, JSON.parse(text));
  });

  it("should keep -0 apart from 0", () => {
    expect(Object.is(parseInChunks("-0"), -0)).toBe(true);
    expect(Object.is(parseInChunks("0"), 0)).toBe(true);
  });

  it("should make __proto__ an own key and leave the prototype alone", () => {
    const value = parseInChunks('{"__proto__": {"polluted": true}}') as Record<string, unknown>;

    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect((value as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("should parse nesting far deeper than recursion could reach", () => {
    const depth = 200_000;

    let value = parseInChunks(`${"[".repeat(depth)}${"]".repeat(depth)}`, [depth]);

    let levels = 1;
    while (Array.isArray(value) && value.length === 1) {
      value = value[0];
      levels += 1;
    }
    expect(levels).toBe(depth);
    expect(value).toEqual([]);
  });

  it.each([
    ['{"a":1', "a truncated object"],
    ["[1,2", "a truncated array"],
    ["[1,2,  ", "a truncated array after a comma"],
    ['"abc', "a truncated string"],
    ['"a\\', "a string cut after a backslash"],
    ['"\\u12', "a string cut inside a unicode escape"],
    ["tru", "a truncated literal"],
    ["-", "a lone minus"],
    ["1.", "a dot without digits"],
    ["1e+", "an exponent without digits"],
    ["  ", "whitespace alone"],
    ["[1] x", "trailing garbage"],
    ['{"a":1}}', "a second closing brace"],
    ["1 2", "two values"],
    ['"\\x"', "an unknown escape"],
    ['"\\U0041"', "an upper-case U escape"],
    ['"\\u12G4"', "a bad hex digit"],
    ['"a\tb"', "a raw tab inside a string"],
    ["01", "a leading zero"],
    ["[-01]", "a leading zero after a minus"],
    ["[00]", "two zeros"],
    ['{"a" 1}', "a missing colon after the first key"],
    ['{"a":1,"b" 2}', "a missing colon after a later key"],
    ['{"a":1,"b" "c"}', "a string for a colon"],
    ['{"a":1,"b"  ', "a text cut before a later colon"],
    ['{"a":1 "b":2}', "a missing comma between members"],
    ["[1 2]", "a missing comma between elements"],
    ["[1}", "a mismatched bracket"],
    ["{,}", "a comma for a key"],
    ['{"a":1,}', "a trailing comma in an object"],
  ])("should reject %j (%s) where JSON.parse does", (text) => {
    const v8 = v8Failure(text);

    const error = syntaxErrorOf(() => parseInChunks(text));

    expect(v8.offset).toBeDefined();
    expectSamePlace(error, v8);
  });

  it.each([
    ["[1,]", 3, "Unexpected token ']' in JSON"],
    ["+1", 0, "Unexpected token '+' in JSON"],
    ["trux", 3, "Unexpected token 'x' in JSON"],
    ["[\u00a0]", 1, "Unexpected token '\u00a0' in JSON"],
  ])("should reject %j at byte %i, where JSON.parse gives no place", (text, offset, reason) => {
    const error = syntaxErrorOf(() => parseInChunks(text));

    expect(error.offset).toBe(offset);
    expect(error.reason).toBe(reason);
  });

  test.prop([
    jsonTexts,
    fc.nat(),
    fc.constantFrom(...'{}[]:,"\\ -+.0123456789eEtfnulx\t\n'),
    fc.array(fc.nat(), { maxLength: 4 }),
  ])("should fail where JSON.parse fails on a damaged text", (text, at, inserted, cuts) => {
    const characters = Array.from(text);
    const place = at % (characters.length + 1);
    const truncated = characters.slice(0, place).join("");
    const damaged = `${truncated}${inserted}${characters.slice(place).join("")}`;

    for (const candidate of [damaged, truncated]) {
      const outcome = jsonParseOutcome(candidate);

      if ("value" in outcome) expectSameValue(parseInChunks(candidate, cuts), outcome.value);
      else
        expectSamePlace(
          syntaxErrorOf(() => parseInChunks(candidate, cuts)),
          outcome.failure,
        );
    }
  });
});
