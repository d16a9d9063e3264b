/** A place in a text as a person reads it: both counted from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

const NEWLINE = 0x0a;

/**
 * The line and column of the byte at `offset` in UTF-8 text that arrives in chunks,
 * counted as for the same text held as a JS string: lines end at `\n`, and the column
 * counts UTF-16 code units, so a character outside the BMP counts two. Reads only up to
 * `offset`, one chunk at a time, so the text may be of any length.
 */
export const textPosition = async (
  chunks: AsyncIterable<Uint8Array>,
  offset: number,
): Promise<TextPosition> => {
  let line = 1;
  let column = 1;
  let seen = 0;

  for await (const chunk of chunks) {
    const end = Math.min(chunk.length, offset - seen);
    for (let index = 0; index < end; index += 1) {
      const byte = chunk[index] as number;
      if (byte === NEWLINE) line += 1;
      column = byte === NEWLINE ? 1 : column + codeUnitsStartedBy(byte);
    }

    seen += end;
    if (seen === offset) break;
  }
  return { line, column };
};

/** Code units the character starting with `byte` takes; 0 for a continuation byte. */
const codeUnitsStartedBy = (byte: number): number => {
  if (byte >= 0x80 && byte < 0xc0) return 0;
  return byte >= 0xf0 ? 2 : 1;
};
