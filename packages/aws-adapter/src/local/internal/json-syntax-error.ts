/**
 * Why a byte sequence is not JSON and the byte offset where the parser stopped, counted
 * from the start of the text after any byte order mark. `endOfInput` marks the case
 * `JSON.parse` reports as "Unexpected end of JSON input": a value was still expected, and
 * `offset` is then the end of the text without its trailing whitespace.
 */
export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";

  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly endOfInput = false,
  ) {
    super(`${reason} at byte ${offset}`);
  }

  /** The same error with its offset counted from `bytes` earlier. */
  shiftedBy(bytes: number): JsonSyntaxError {
    return new JsonSyntaxError(this.reason, this.offset + bytes, this.endOfInput);
  }
}

/** The error for a text that ends where a value, or the rest of a token, was expected. */
export const endOfJsonInput = (offset: number): JsonSyntaxError =>
  new JsonSyntaxError("Unexpected end of JSON input", offset, true);

/**
 * The error for a byte that cannot start or continue the token being read, worded as
 * `JSON.parse` words it: by the kind of token the byte would start.
 */
export const unexpectedToken = (bytes: Buffer, offset: number): JsonSyntaxError => {
  const byte = bytes[offset] as number;
  if (byte === 0x22) return new JsonSyntaxError("Unexpected string in JSON", offset);
  if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) {
    return new JsonSyntaxError("Unexpected number in JSON", offset);
  }
  return new JsonSyntaxError(`Unexpected token '${characterAt(bytes, offset)}' in JSON`, offset);
};

/** The whole character starting at `offset`, so a multi-byte one is quoted as itself. */
const characterAt = (bytes: Buffer, offset: number): string => {
  const lead = bytes[offset] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.toString("utf8", offset, offset + length);
};
