/**
 * Why a piece of text is not a valid address or block. `input` quotes the text exactly as
 * given, so a message built from it points the reader at the offending value.
 */
export interface ParseError {
  readonly input: string;
  readonly reason: string;
}

/** Renders a {@link ParseError} as one sentence that quotes the bad input. */
export const describeParseError = (error: ParseError): string => `"${error.input}" ${error.reason}`;
