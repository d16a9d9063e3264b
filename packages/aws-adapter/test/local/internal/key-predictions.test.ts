import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { ByteCursor } from "../../../src/local/internal/json-byte-cursor.js";
import { KeyPredictions } from "../../../src/local/internal/key-predictions.js";

/** A cursor on the opening quote of `json`, as the parser stands before a key. */
const cursorOn = (json: string): ByteCursor => ({
  bytes: Buffer.from(json),
  index: 0,
  ended: true,
});

const ENTRY_KEYS = ["interfaceId", "destination", "protocol", "port", "source"];

/** Predictions that have seen one object at depth 1 with `keys`, and a new object opened. */
const afterOneObject = (keys: readonly string[]): KeyPredictions => {
  const predictions = new KeyPredictions();
  predictions.open(1);
  for (const key of keys) predictions.record(1, key, false);
  predictions.open(1);
  return predictions;
};

describe("KeyPredictions", () => {
  it("should guess each key of an object from the one before it, and skip past it", () => {
    const predictions = afterOneObject(ENTRY_KEYS);
    const cursor = cursorOn('"interfaceId": "eni-1"');

    expect(predictions.match(cursor, 1)).toBe("interfaceId");
    expect(cursor.index).toBe('"interfaceId"'.length);
  });

  it.each([
    ["a longer key", '"interfaceIds": 1'],
    ["a shorter key", '"interface": 1'],
    ["a key cut off at the end of the bytes", '"interfaceId'],
    ["an escaped spelling of the key", '"interface\\u0049d": 1'],
  ])("should not guess when the bytes hold %s", (_, json) => {
    const predictions = afterOneObject(ENTRY_KEYS);
    const cursor = cursorOn(json);

    expect(predictions.match(cursor, 1)).toBeUndefined();
    expect(cursor.index).toBe(0);
  });

  it.each([
    ["a Latin-1 byte, which UTF-8 would read as U+FFFD", "caf\u00e9", [0x63, 0x61, 0x66, 0xe9]],
    ["a raw control byte, which JSON forbids in a string", "a\u0001", [0x61, 0x01]],
  ])("should not guess a key from bytes that spell it as %s", (_, key, inner) => {
    const predictions = afterOneObject([key]);
    const cursor: ByteCursor = {
      bytes: Buffer.from([0x22, ...inner, 0x22, 0x3a, 0x30]),
      index: 0,
      ended: true,
    };

    expect(predictions.match(cursor, 1)).toBeUndefined();
  });

  test.prop([
    fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 6 }),
  ])("should only ever guess the very key the bytes spell", (before, keys) => {
    const predictions = afterOneObject(before);

    for (const key of keys) {
      const cursor = cursorOn(`${JSON.stringify(key)}: 0`);
      const guess = predictions.match(cursor, 1);

      if (guess !== undefined) expect(guess).toBe(key);
      predictions.record(1, key, guess !== undefined);
    }
  });
});
