import type { ByteCursor } from "./json-byte-cursor.js";
import { endOfJsonInput, unexpectedToken } from "./json-syntax-error.js";

const LITERALS: ReadonlyMap<number, readonly [Buffer, boolean | null]> = new Map([
  [0x74, [Buffer.from("true"), true]],
  [0x66, [Buffer.from("false"), false]],
  [0x6e, [Buffer.from("null"), null]],
]);

/**
 * Reads `true`, `false` or `null` at `cursor.index` and moves the cursor past it. Any
 * other byte there, or a wrong letter inside the word, is an unexpected token. Returns
 * `undefined`, the cursor unmoved, when the bytes stop inside the word and more may come.
 */
export const readJsonLiteral = (cursor: ByteCursor): boolean | null | undefined => {
  const { bytes, index, ended } = cursor;
  const literal = LITERALS.get(bytes[index] as number);
  if (literal === undefined) throw unexpectedToken(bytes, index);

  const [word, value] = literal;
  for (let at = index + 1; at < index + word.length; at += 1) {
    if (at === bytes.length) {
      if (ended) throw endOfJsonInput(at);
      return undefined;
    }
    if (bytes[at] !== word[at - index]) throw unexpectedToken(bytes, at);
  }

  cursor.index = index + word.length;
  return value;
};
